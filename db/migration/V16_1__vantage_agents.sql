-- Probe agents: programs trusted volunteers run inside censored networks. The service keeps each agent's Ed25519
-- public key only (the agent holds the private key), a one-time enrollment token as a SHA-256 hash, the request
-- nonces it has seen inside the replay window (shared by replicas), the work it leased and every result it sent,
-- accepted or refused, for audit.
CREATE TABLE agent (
    id              BIGSERIAL PRIMARY KEY,
    name            TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    region          TEXT        NOT NULL CHECK (length(region) BETWEEN 2 AND 64),
    network_label   TEXT        NOT NULL CHECK (length(network_label) BETWEEN 1 AND 100),
    state           TEXT        NOT NULL CHECK (state IN ('ENROLLING', 'ACTIVE', 'REVOKED')),
    public_key      BYTEA       CHECK (public_key IS NULL OR length(public_key) <= 200),
    enrolled_at     TIMESTAMPTZ,
    last_contact_at TIMESTAMPTZ,
    last_address    TEXT        CHECK (last_address IS NULL OR length(last_address) <= 64),
    accepted_count  BIGINT      NOT NULL DEFAULT 0 CHECK (accepted_count >= 0),
    refused_count   BIGINT      NOT NULL DEFAULT 0 CHECK (refused_count >= 0),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_by      TEXT        NOT NULL,
    revoked_at      TIMESTAMPTZ,
    revoked_by      TEXT,
    CHECK ((public_key IS NULL) = (enrolled_at IS NULL)),
    CHECK (state <> 'ACTIVE' OR public_key IS NOT NULL),
    CHECK ((state = 'REVOKED') = (revoked_at IS NOT NULL))
);

CREATE TABLE agent_enrollment_token (
    agent_id   BIGINT PRIMARY KEY REFERENCES agent (id),
    token_hash BYTEA       NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);

-- A signed request's nonce is accepted once per agent; rows older than the replay window are deleted.
CREATE TABLE agent_request_nonce (
    agent_id BIGINT      NOT NULL REFERENCES agent (id),
    nonce    TEXT        NOT NULL CHECK (length(nonce) BETWEEN 16 AND 64),
    seen_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (agent_id, nonce)
);
CREATE INDEX agent_request_nonce_seen ON agent_request_nonce (seen_at);

-- When each endpoint is next due in each region agents check; one row per endpoint x region.
CREATE TABLE agent_schedule (
    endpoint_id   BIGINT      NOT NULL REFERENCES endpoint (id) ON DELETE CASCADE,
    region        TEXT        NOT NULL CHECK (length(region) BETWEEN 2 AND 64),
    next_check_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (endpoint_id, region)
);

-- One piece of leased work: the nonces (canary frames, hex) it carries are the only ones its UP may rest on.
CREATE TABLE agent_lease (
    id           BIGSERIAL PRIMARY KEY,
    agent_id     BIGINT      NOT NULL REFERENCES agent (id),
    endpoint_id  BIGINT      NOT NULL REFERENCES endpoint (id) ON DELETE CASCADE,
    region       TEXT        NOT NULL,
    nonces       TEXT[]      NOT NULL,
    leased_at    TIMESTAMPTZ NOT NULL,
    deadline_at  TIMESTAMPTZ NOT NULL,
    completed_at TIMESTAMPTZ,
    CHECK (deadline_at > leased_at)
);
CREATE INDEX agent_lease_open ON agent_lease (agent_id) WHERE completed_at IS NULL;

-- Every result an agent sent, kept for audit; verdict says whether it counts.
CREATE TABLE agent_result (
    id          BIGSERIAL PRIMARY KEY,
    lease_id    BIGINT      NOT NULL UNIQUE REFERENCES agent_lease (id) ON DELETE CASCADE,
    agent_id    BIGINT      NOT NULL REFERENCES agent (id),
    endpoint_id BIGINT      NOT NULL REFERENCES endpoint (id) ON DELETE CASCADE,
    region      TEXT        NOT NULL,
    checked_at  TIMESTAMPTZ NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    status      TEXT        NOT NULL CHECK (status IN ('UP', 'DOWN', 'UNKNOWN')),
    reason      TEXT        CHECK (reason IS NULL OR length(reason) <= 40),
    latency_ms  INTEGER     CHECK (latency_ms IS NULL OR latency_ms >= 0),
    detail      TEXT        NOT NULL CHECK (length(detail) <= 500),
    verdict     TEXT        NOT NULL CHECK (verdict IN ('ACCEPTED', 'REFUSED')),
    refusal     TEXT        CHECK (refusal IS NULL OR length(refusal) <= 60),
    CHECK ((verdict = 'REFUSED') = (refusal IS NOT NULL))
);
CREATE INDEX agent_result_endpoint ON agent_result (endpoint_id, region, checked_at);
CREATE INDEX agent_result_agent ON agent_result (agent_id, received_at);

-- Agents' lives are in the audit log (subject AGENT). The subject list is extended in place, whatever other
-- migrations added to it before this one.
DO $$
DECLARE
    constraint_name TEXT;
    definition      TEXT;
BEGIN
    SELECT conname, pg_get_constraintdef(oid) INTO constraint_name, definition FROM pg_constraint
    WHERE conrelid = 'audit_log'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%subject_type%';
    EXECUTE format('ALTER TABLE audit_log DROP CONSTRAINT %I', constraint_name);
    EXECUTE format('ALTER TABLE audit_log ADD CONSTRAINT %I %s', constraint_name,
                   replace(definition, 'ARRAY[', 'ARRAY[''AGENT''::text, '));
END
$$;
