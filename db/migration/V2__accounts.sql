-- Issue 3: accounts (operators and admins), their state, and the audit log.

-- One row per person who can sign in. Operators sign up themselves; admins come only from the
-- bootstrap setting. No real name is ever asked; e-mail is optional.
CREATE TABLE account (
    id                 BIGSERIAL PRIMARY KEY,
    handle             TEXT NOT NULL CHECK (handle ~ '^[A-Za-z0-9_.-]{3,32}$'),
    password_hash      TEXT NOT NULL CHECK (length(password_hash) BETWEEN 20 AND 200),
    email              TEXT CHECK (email IS NULL OR length(email) BETWEEN 3 AND 254),
    role               TEXT NOT NULL CHECK (role IN ('OPERATOR', 'ADMIN')),
    state              TEXT NOT NULL CHECK (state IN ('PENDING', 'APPROVED', 'SUSPENDED')),
    -- Keyed hash of the sign-up client address (never the address itself), kept only to flag
    -- many sign-ups from one place; cleared after the retention period.
    signup_client_key  TEXT CHECK (signup_client_key IS NULL OR length(signup_client_key) <= 100),
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    state_changed_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- Handles are unique whatever their case, so "Alice" cannot impersonate "alice".
CREATE UNIQUE INDEX account_handle_lower_uq ON account (lower(handle));
CREATE INDEX account_state_idx ON account (state) WHERE role = 'OPERATOR';
CREATE INDEX account_signup_client_key_idx ON account (signup_client_key) WHERE signup_client_key IS NOT NULL;

-- Who did what, when and why: operator state changes, endpoint approvals, bootstrap.
CREATE TABLE audit_log (
    id            BIGSERIAL PRIMARY KEY,
    at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor_id      BIGINT REFERENCES account (id),
    actor_handle  TEXT NOT NULL CHECK (length(actor_handle) BETWEEN 1 AND 64),
    subject_type  TEXT NOT NULL CHECK (subject_type IN ('ACCOUNT', 'ENDPOINT', 'PAYOUT_ADDRESS')),
    subject_id    BIGINT NOT NULL,
    action        TEXT NOT NULL CHECK (length(action) BETWEEN 1 AND 64),
    detail        TEXT CHECK (detail IS NULL OR length(detail) <= 1000)
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
CREATE INDEX audit_log_subject_idx ON audit_log (subject_type, subject_id);
