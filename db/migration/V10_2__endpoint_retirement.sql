-- An operator retires an endpoint: it stays (its checks, rollups, settlement lines and payouts keep pointing at it)
-- but is RETIRED: never checked again, never earning again, not counted against the per-operator limit, and its
-- host:port free for a new registration.
ALTER TABLE endpoint DROP CONSTRAINT endpoint_state_check;
ALTER TABLE endpoint ADD CONSTRAINT endpoint_state_check CHECK (state IN ('PENDING', 'APPROVED', 'SUSPENDED', 'RETIRED'));
ALTER TABLE endpoint ADD COLUMN retired_at TIMESTAMPTZ;
ALTER TABLE endpoint ADD CONSTRAINT endpoint_retired_at_check CHECK ((state = 'RETIRED') = (retired_at IS NOT NULL));

-- Only live endpoints hold their address (same index name: the duplicate-address refusal maps it).
DROP INDEX endpoint_host_port_uq;
CREATE UNIQUE INDEX endpoint_host_port_uq ON endpoint (lower(host), port) WHERE state <> 'RETIRED';

-- Keyset paging of the admin lists (newest first): endpoints by state, operators by state.
CREATE INDEX endpoint_state_id_idx ON endpoint (state, id);
CREATE INDEX account_role_state_id_idx ON account (role, state, id);
