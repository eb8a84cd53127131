-- Where an OpenVPN endpoint's ownership token was last looked for and found (or not): until it is verified for the
-- endpoint's current address version, its checks are DOWN OWNERSHIP_UNVERIFIED and it earns nothing. Re-verified
-- every proxyfund.endpoint.ownership.period, and at once after a rotation (new address version, new token).
CREATE TABLE endpoint_ownership (
    endpoint_id      BIGINT PRIMARY KEY REFERENCES endpoint (id) ON DELETE CASCADE,
    -- the endpoint's address version the outcome is about; another version is unverified
    address_version  INTEGER NOT NULL CHECK (address_version >= 1),
    verified         BOOLEAN NOT NULL DEFAULT false,
    outcome          TEXT CHECK (outcome IN ('VERIFIED', 'NOT_FOUND', 'UNREACHABLE', 'HOST_REFUSED')),
    method           TEXT CHECK (method IN ('DNS_TXT', 'HTTP_WELL_KNOWN')),
    message          TEXT CHECK (message IS NULL OR length(message) <= 500),
    checked_at       TIMESTAMPTZ,
    verified_at      TIMESTAMPTZ,
    next_check_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- a replica looking right now (several replicas never look for the same token at once)
    claimed_until    TIMESTAMPTZ,
    CHECK (verified = (outcome IS NOT DISTINCT FROM 'VERIFIED')),
    CHECK (verified = (verified_at IS NOT NULL))
);
CREATE INDEX endpoint_ownership_due_idx ON endpoint_ownership (next_check_at);
