-- The debounce state of each endpoint's outages (alert/Incident): failures counted towards an outage, or the DOWN
-- alert sent and the RECOVERED owed. down_since: when the alerted outage began (its first failed check).
CREATE TABLE alert_incident (
    endpoint_id    BIGINT PRIMARY KEY REFERENCES endpoint (id) ON DELETE CASCADE,
    state          TEXT NOT NULL CHECK (state IN ('UP', 'DOWN')),
    fails          INT NOT NULL DEFAULT 0 CHECK (fails >= 0),
    first_fail_at  TIMESTAMPTZ,
    ups            INT NOT NULL DEFAULT 0 CHECK (ups >= 0),
    down_since     TIMESTAMPTZ,
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((state = 'DOWN') = (down_since IS NOT NULL))
);

-- How far the alert scanner has read check_result (by id); one row, locked while a scanner works (replicas take turns).
CREATE TABLE alert_cursor (
    name     TEXT PRIMARY KEY CHECK (name = 'checks'),
    last_id  BIGINT NOT NULL CHECK (last_id >= 0)
);

-- Every alert raised for an operator: what the feed shows and the daily digest gathers. digest_pending: still to go
-- into the operator's next digest mail.
CREATE TABLE alert_log (
    id              BIGSERIAL PRIMARY KEY,
    account_id      BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    type            TEXT NOT NULL CHECK (type ~ '^[a-z_]+\.[a-z_]+$'),
    data            JSONB NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    digest_pending  BOOLEAN NOT NULL DEFAULT false
);
CREATE INDEX alert_log_account ON alert_log (account_id, id);
CREATE INDEX alert_log_digest ON alert_log (account_id) WHERE digest_pending;
