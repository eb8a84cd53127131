-- Issue 3: registered proxies/VPNs, their issued monitor credentials (encrypted) and address history.

CREATE TABLE endpoint (
    id               BIGSERIAL PRIMARY KEY,
    account_id       BIGINT NOT NULL REFERENCES account (id),
    type             TEXT NOT NULL CHECK (type IN ('MTPROTO', 'SOCKS5', 'HTTP_CONNECT', 'SHADOWSOCKS', 'WIREGUARD', 'OPENVPN')),
    label            TEXT CHECK (label IS NULL OR length(label) <= 100),
    host             TEXT NOT NULL CHECK (length(host) BETWEEN 1 AND 253),
    port             INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),
    region           TEXT NOT NULL CHECK (length(region) BETWEEN 2 AND 64),
    -- Non-secret protocol fields (cipher, server public key, transport, fake-TLS domain) as JSON text.
    protocol_fields  TEXT NOT NULL CHECK (length(protocol_fields) <= 4000),
    -- The issued monitor credential, AES-GCM encrypted by SecretCipher (never in clear).
    credential_enc   TEXT NOT NULL CHECK (credential_enc LIKE 'v1:%'),
    state            TEXT NOT NULL CHECK (state IN ('PENDING', 'APPROVED', 'SUSPENDED')),
    address_version  INTEGER NOT NULL CHECK (address_version >= 1),
    -- The /24 (IPv4) or /48 (IPv6) the host resolved to at registration or rotation, for the admin flag.
    subnet           TEXT CHECK (subnet IS NULL OR length(subnet) <= 64),
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- One host:port can be registered once, by one operator.
CREATE UNIQUE INDEX endpoint_host_port_uq ON endpoint (lower(host), port);
CREATE INDEX endpoint_account_idx ON endpoint (account_id);
CREATE INDEX endpoint_state_idx ON endpoint (state);

-- Every host:port an endpoint has had; rotation after a block keeps the endpoint (and its history).
CREATE TABLE endpoint_address_version (
    id           BIGSERIAL PRIMARY KEY,
    endpoint_id  BIGINT NOT NULL REFERENCES endpoint (id) ON DELETE CASCADE,
    version      INTEGER NOT NULL CHECK (version >= 1),
    host         TEXT NOT NULL CHECK (length(host) BETWEEN 1 AND 253),
    port         INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),
    valid_from   TIMESTAMPTZ NOT NULL DEFAULT now(),
    valid_to     TIMESTAMPTZ,
    UNIQUE (endpoint_id, version),
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
