-- Settlement by reachability from the served region: each settlement line says which uptime it was paid on (the
-- central monitor's, or the median of the served region's agents' epoch uptimes), the region, how many agents and
-- networks took part, and the median; each agent's epoch verdicts that were weighed are kept for audit.
ALTER TABLE settlement_endpoint
    ADD COLUMN basis               TEXT    NOT NULL DEFAULT 'CENTRAL' CHECK (basis IN ('CENTRAL', 'REGIONAL_MEDIAN')),
    ADD COLUMN basis_region        TEXT    CHECK (basis_region IS NULL OR length(basis_region) <= 64),
    ADD COLUMN basis_agent_count   INTEGER NOT NULL DEFAULT 0 CHECK (basis_agent_count >= 0),
    ADD COLUMN basis_network_count INTEGER NOT NULL DEFAULT 0 CHECK (basis_network_count >= 0 AND basis_network_count <= basis_agent_count),
    ADD COLUMN regional_uptime_ppm INTEGER CHECK (regional_uptime_ppm BETWEEN 0 AND 1000000),
    ADD CONSTRAINT settlement_endpoint_basis_uptime CHECK ((basis = 'REGIONAL_MEDIAN') = (regional_uptime_ppm IS NOT NULL));

-- One agent's accepted verdicts for one endpoint over a settled epoch. No foreign keys to endpoint or agent: the
-- record of what was paid outlives them. exclusion: why the agent did not take part (NULL: it did).
CREATE TABLE settlement_agent_uptime (
    settlement_id  BIGINT NOT NULL REFERENCES settlement (id) ON DELETE CASCADE,
    endpoint_id    BIGINT NOT NULL,
    agent_id       BIGINT NOT NULL,
    network_label  TEXT   NOT NULL CHECK (length(network_label) BETWEEN 1 AND 100),
    up_count       BIGINT NOT NULL CHECK (up_count >= 0),
    down_count     BIGINT NOT NULL CHECK (down_count >= 0),
    false_up_count BIGINT NOT NULL CHECK (false_up_count >= 0),
    exclusion      TEXT   CHECK (exclusion IN ('NOT_ACTIVE', 'IMPAIRED', 'NO_VERDICT')),
    PRIMARY KEY (settlement_id, endpoint_id, agent_id)
);

-- Settlement reads an epoch's agent results by the time they were checked.
CREATE INDEX agent_result_checked ON agent_result (checked_at);
