-- Per-account sign-in throttle and the clients an account has signed in from (docs/operators.md, "Password guessing").

-- One row per throttled key: a sign-in handle (keyed hash, so typed handles, which are sometimes passwords typed into
-- the wrong field, are never stored), a handle together with a client the account trusts, or an account's
-- change-password form. Each password check reserves its slot here first, so guesses from many addresses at once
-- share one count; replicas share it too.
CREATE TABLE login_throttle (
    throttle_key     TEXT PRIMARY KEY CHECK (length(throttle_key) BETWEEN 1 AND 200),
    failures         INTEGER NOT NULL CHECK (failures >= 0),
    next_allowed_at  TIMESTAMPTZ NOT NULL,
    last_attempt_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX login_throttle_last_attempt_idx ON login_throttle (last_attempt_at);

-- Devices (a random cookie, stored as SHA-256) and client addresses (keyed hash) that signed in to an account
-- successfully: they keep their own allowance while strangers are throttled, so guessing cannot lock the owner out.
CREATE TABLE login_known_client (
    account_id       BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    kind             TEXT NOT NULL CHECK (kind IN ('DEVICE', 'ADDRESS')),
    client_hash      TEXT NOT NULL CHECK (length(client_hash) BETWEEN 1 AND 100),
    last_success_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (account_id, kind, client_hash)
);
CREATE INDEX login_known_client_last_success_idx ON login_known_client (last_success_at);
