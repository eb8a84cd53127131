-- An endpoint's public status badge, only for endpoints whose operator chose to publish one. The public id is 128
-- random bits (32 hex digits) and says nothing about the endpoint; rotating it replaces it, revoking deletes the row,
-- and a badge without a row is not found.
CREATE TABLE status_badge (
    endpoint_id  BIGINT PRIMARY KEY REFERENCES endpoint (id) ON DELETE CASCADE,
    public_id    TEXT NOT NULL UNIQUE CHECK (public_id ~ '^[0-9a-f]{32}$'),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    rotated_at   TIMESTAMPTZ
);
