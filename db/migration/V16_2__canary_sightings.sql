-- Where each nonce leased to a probe agent reached the canary from (any replica's): an agent's UP counts only when
-- its nonce arrived, and not from the agent's own address. Kept a day (CanarySightings forgets older rows).
CREATE TABLE canary_sighting (
    nonce   BYTEA       NOT NULL CHECK (length(nonce) = 40),
    source  TEXT        NOT NULL CHECK (length(source) BETWEEN 1 AND 64),
    seen_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (nonce, source)
);
CREATE INDEX canary_sighting_seen ON canary_sighting (seen_at);

-- The address an agent leased from, held against where the lease's nonces arrived.
ALTER TABLE agent_lease ADD COLUMN agent_address TEXT CHECK (agent_address IS NULL OR length(agent_address) <= 64);

-- UPs an agent reported that its nonce did not back: the admin page flags the agent.
ALTER TABLE agent ADD COLUMN false_up_count BIGINT NOT NULL DEFAULT 0 CHECK (false_up_count >= 0);
