-- "Check now" on a pending endpoint: the operator verifies the setup before approval. The latest result per endpoint
-- only, never in check_result or the rollups, so it is never uptime and never paid. claimed_at rate-limits the
-- button across replicas (proxyfund.probe.trial.every).
CREATE TABLE endpoint_trial_check (
    endpoint_id  BIGINT PRIMARY KEY REFERENCES endpoint (id) ON DELETE CASCADE,
    claimed_at   TIMESTAMPTZ NOT NULL,
    checked_at   TIMESTAMPTZ,
    status       TEXT CHECK (status IN ('UP', 'DOWN', 'UNKNOWN')),
    reason       TEXT CHECK (reason IS NULL OR length(reason) <= 40),
    detail       TEXT CHECK (detail IS NULL OR length(detail) <= 500),
    CHECK ((checked_at IS NULL) = (status IS NULL))
);
