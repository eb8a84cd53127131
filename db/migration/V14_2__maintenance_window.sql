-- Maintenance an operator declares ahead of time for one endpoint, in whole UTC hours. Checks keep running; settlement
-- excludes the DOWN checks of the hours inside declared windows from the endpoint's downtime, up to an allowance per
-- epoch (proxyfund.settlement.maintenance-allowance). A window can never be declared after the fact: it starts at or
-- after the moment the database recorded its declaration, and it can only be cancelled before it starts.
CREATE TABLE maintenance_window (
    id            BIGSERIAL PRIMARY KEY,
    endpoint_id   BIGINT NOT NULL REFERENCES endpoint (id) ON DELETE CASCADE,
    starts_at     TIMESTAMPTZ NOT NULL CHECK (starts_at = date_trunc('hour', starts_at, 'UTC')),
    ends_at       TIMESTAMPTZ NOT NULL CHECK (ends_at = date_trunc('hour', ends_at, 'UTC')),
    declared_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    declared_by   BIGINT REFERENCES account (id),
    cancelled_at  TIMESTAMPTZ,
    CHECK (ends_at > starts_at AND ends_at - starts_at <= interval '7 days'),
    CHECK (starts_at >= declared_at),
    CHECK (cancelled_at IS NULL OR (cancelled_at >= declared_at AND cancelled_at < starts_at))
);
CREATE INDEX maintenance_window_endpoint_idx ON maintenance_window (endpoint_id, starts_at);
CREATE INDEX maintenance_window_time_idx ON maintenance_window (starts_at, ends_at) WHERE cancelled_at IS NULL;

-- What a settlement excluded from each endpoint's DOWN checks for declared maintenance (down_count stays the raw sum).
ALTER TABLE settlement_endpoint ADD COLUMN maintenance_excluded_count BIGINT NOT NULL DEFAULT 0
    CHECK (maintenance_excluded_count >= 0 AND maintenance_excluded_count <= down_count);
