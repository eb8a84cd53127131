-- Issue 3: server-side sessions, personal API tokens and shared rate-limit counters.

-- A signed-in browser. The cookie carries a random 256-bit token; only its SHA-256 is stored, so a
-- copy of this table cannot be replayed. The CSRF token is bound to the session.
CREATE TABLE web_session (
    id            BIGSERIAL PRIMARY KEY,
    token_hash    BYTEA NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    account_id    BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    csrf_token    TEXT NOT NULL CHECK (length(csrf_token) BETWEEN 20 AND 100),
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at    TIMESTAMPTZ NOT NULL,
    CHECK (expires_at > created_at)
);
CREATE INDEX web_session_account_idx ON web_session (account_id);
CREATE INDEX web_session_expires_idx ON web_session (expires_at);

-- Personal API tokens (Authorization: Bearer ...), stored as SHA-256 only, revocable.
CREATE TABLE api_token (
    id            BIGSERIAL PRIMARY KEY,
    token_hash    BYTEA NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    account_id    BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_used_at  TIMESTAMPTZ,
    revoked_at    TIMESTAMPTZ
);
CREATE INDEX api_token_account_idx ON api_token (account_id);

-- Attempts per client (keyed hash of its address) per fixed window, shared by every replica.
CREATE TABLE rate_limit_window (
    bucket        TEXT NOT NULL CHECK (length(bucket) BETWEEN 1 AND 40),
    client_key    TEXT NOT NULL CHECK (length(client_key) BETWEEN 1 AND 100),
    window_start  TIMESTAMPTZ NOT NULL,
    hits          INTEGER NOT NULL CHECK (hits >= 0),
    PRIMARY KEY (bucket, client_key, window_start)
);
CREATE INDEX rate_limit_window_start_idx ON rate_limit_window (window_start);
