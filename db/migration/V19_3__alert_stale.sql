-- An endpoint without a check result for proxyfund.alert.stale-after is alerted once (endpoint.stale); stale_since
-- remembers that alert until the next result arrives.
ALTER TABLE alert_incident ADD COLUMN stale_since TIMESTAMPTZ;
