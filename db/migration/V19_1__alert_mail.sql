-- E-mail alerts. An operator's alert address: alerts are mailed only once verified_at is set (the operator opened the
-- link mailed to it). Only the SHA-256 of the pending verification token is kept; it expires and is used once.
CREATE TABLE alert_email (
    account_id        BIGINT PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    address           TEXT NOT NULL CHECK (length(address) BETWEEN 3 AND 254),
    language          TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'ru')),
    verified_at       TIMESTAMPTZ,
    token_sha256      BYTEA UNIQUE CHECK (token_sha256 IS NULL OR length(token_sha256) = 32),
    token_expires_at  TIMESTAMPTZ,
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((token_sha256 IS NULL) = (token_expires_at IS NULL))
);

-- Mail waiting to be sent (an outbox): written in the transaction of what it reports, sent afterwards by
-- alert/MailDeliverer outside any transaction, retried with growing waits, given up as FAILED after the attempts.
CREATE TABLE mail_outbox (
    id               BIGSERIAL PRIMARY KEY,
    account_id       BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    recipient        TEXT NOT NULL CHECK (length(recipient) BETWEEN 3 AND 254),
    kind             TEXT NOT NULL CHECK (kind IN ('VERIFY', 'ALERT', 'DIGEST')),
    subject          TEXT NOT NULL CHECK (length(subject) <= 300),
    body             TEXT NOT NULL CHECK (length(body) <= 100000),
    state            TEXT NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'SENT', 'FAILED')),
    attempts         INT NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    lease_until      TIMESTAMPTZ,
    last_error       TEXT CHECK (last_error IS NULL OR length(last_error) <= 1000),
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at          TIMESTAMPTZ
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX mail_outbox_account ON mail_outbox (account_id, id);

-- Which channels an operator's alerts go to (webhook subscriptions choose their event types themselves); no row means
-- the defaults (e-mail and feed, no digest). With the digest, e-mail alerts are gathered into one mail a day.
CREATE TABLE alert_settings (
    account_id  BIGINT PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    email       BOOLEAN NOT NULL DEFAULT true,
    feed        BOOLEAN NOT NULL DEFAULT true,
    digest      BOOLEAN NOT NULL DEFAULT false,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
