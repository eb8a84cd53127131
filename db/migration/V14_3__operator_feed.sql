-- An operator's private Atom feed: readable by whoever has its secret URL, so only the secret's SHA-256 is kept.
-- Rotating replaces it (the old URL stops working); revoking deletes the row.
CREATE TABLE operator_feed (
    account_id     BIGINT PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    secret_sha256  TEXT NOT NULL UNIQUE CHECK (secret_sha256 ~ '^[0-9a-f]{64}$'),
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    rotated_at     TIMESTAMPTZ
);
