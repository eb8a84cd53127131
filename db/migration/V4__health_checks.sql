-- Issue 4: health-check scheduling (leases shared by replicas), raw results, hourly rollups, monitor rounds.

-- One row per endpoint that is checked: when it is next due, and which monitor instance holds it until when.
-- Replicas lease due rows with FOR UPDATE SKIP LOCKED; an expired lease is free again (its holder died).
CREATE TABLE check_schedule (
    endpoint_id          BIGINT PRIMARY KEY REFERENCES endpoint (id) ON DELETE CASCADE,
    next_check_at        TIMESTAMPTZ NOT NULL,
    lease_owner          TEXT CHECK (lease_owner IS NULL OR length(lease_owner) <= 100),
    lease_expires_at     TIMESTAMPTZ,
    last_checked_at      TIMESTAMPTZ,
    last_status          TEXT CHECK (last_status IN ('UP', 'DOWN', 'UNKNOWN')),
    last_reason          TEXT CHECK (last_reason IN ('CONNECT_REFUSED', 'TIMEOUT', 'AUTH_REJECTED', 'RELAY_FAILED',
                                                     'PROTOCOL_ERROR', 'BLOCKED_TARGET')),
    last_detail          TEXT CHECK (last_detail IS NULL OR length(last_detail) <= 500),
    last_latency_ms      INTEGER CHECK (last_latency_ms IS NULL OR last_latency_ms >= 0),
    last_weak_evidence   BOOLEAN NOT NULL DEFAULT false,
    -- Start of the current run of DOWN results (for "down since"), null while UP/UNKNOWN.
    down_since           TIMESTAMPTZ,
    CHECK ((lease_owner IS NULL) = (lease_expires_at IS NULL))
);
CREATE INDEX check_schedule_due_idx ON check_schedule (next_check_at);

-- Every recorded check (after retries). Kept for proxyfund.probe.raw-retention (default 48 h).
CREATE TABLE check_result (
    id             BIGSERIAL PRIMARY KEY,
    endpoint_id    BIGINT NOT NULL REFERENCES endpoint (id) ON DELETE CASCADE,
    checked_at     TIMESTAMPTZ NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('UP', 'DOWN', 'UNKNOWN')),
    reason         TEXT CHECK (reason IN ('CONNECT_REFUSED', 'TIMEOUT', 'AUTH_REJECTED', 'RELAY_FAILED',
                                          'PROTOCOL_ERROR', 'BLOCKED_TARGET')),
    latency_ms     INTEGER CHECK (latency_ms IS NULL OR latency_ms >= 0),
    weak_evidence  BOOLEAN NOT NULL DEFAULT false,
    attempts       SMALLINT NOT NULL DEFAULT 1 CHECK (attempts >= 1),
    -- Which monitor instance / vantage point produced it.
    monitor        TEXT NOT NULL CHECK (length(monitor) BETWEEN 1 AND 100),
    detail         TEXT NOT NULL DEFAULT '' CHECK (length(detail) <= 500),
    CHECK ((status = 'DOWN') = (reason IS NOT NULL)),
    CHECK ((status = 'UP') = (latency_ms IS NOT NULL))
);
CREATE INDEX check_result_endpoint_time_idx ON check_result (endpoint_id, checked_at);
CREATE INDEX check_result_time_idx ON check_result (checked_at);

-- Hourly summary per endpoint, recomputed from raw results while they exist; kept for a year.
-- Uptime = up / (up + down); UNKNOWN never counts against the operator.
CREATE TABLE check_rollup_hourly (
    endpoint_id     BIGINT NOT NULL REFERENCES endpoint (id) ON DELETE CASCADE,
    hour_start      TIMESTAMPTZ NOT NULL,
    up_count        INTEGER NOT NULL DEFAULT 0 CHECK (up_count >= 0),
    down_count      INTEGER NOT NULL DEFAULT 0 CHECK (down_count >= 0),
    unknown_count   INTEGER NOT NULL DEFAULT 0 CHECK (unknown_count >= 0),
    weak_up_count   INTEGER NOT NULL DEFAULT 0 CHECK (weak_up_count >= 0 AND weak_up_count <= up_count),
    latency_p50_ms  INTEGER CHECK (latency_p50_ms IS NULL OR latency_p50_ms >= 0),
    latency_p95_ms  INTEGER CHECK (latency_p95_ms IS NULL OR latency_p95_ms >= 0),
    PRIMARY KEY (endpoint_id, hour_start),
    CHECK (extract(minute FROM hour_start AT TIME ZONE 'UTC') = 0 AND extract(second FROM hour_start) = 0)
);
CREATE INDEX check_rollup_hour_idx ON check_rollup_hourly (hour_start);

-- The monitor's self-check each round: when it is impaired, that round's results are UNKNOWN.
CREATE TABLE monitor_round (
    id           BIGSERIAL PRIMARY KEY,
    monitor      TEXT NOT NULL CHECK (length(monitor) BETWEEN 1 AND 100),
    started_at   TIMESTAMPTZ NOT NULL,
    healthy      BOOLEAN NOT NULL,
    detail       TEXT NOT NULL DEFAULT '' CHECK (length(detail) <= 500)
);
CREATE INDEX monitor_round_time_idx ON monitor_round (started_at);
