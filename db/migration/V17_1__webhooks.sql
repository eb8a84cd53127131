-- Webhooks (docs/webhooks.md): an operator's subscriptions, the events raised for an operator, each delivery of an
-- event to a subscription, and every attempt of a delivery with the receiver's answer. Written only by the webhook
-- package. An event is stored in the transaction of the change it reports, so none is lost and none is raised for a
-- change that rolled back.
CREATE TABLE webhook_subscription (
    id              bigserial PRIMARY KEY,
    account_id      bigint NOT NULL REFERENCES account(id),
    url             text NOT NULL CHECK (length(url) <= 2000),
    secret          text NOT NULL,                      -- the signing secret, encrypted (SecretCipher)
    event_types     text[] NOT NULL,
    state           text NOT NULL DEFAULT 'ACTIVE' CHECK (state IN ('ACTIVE', 'DISABLED')),
    failed_in_a_row integer NOT NULL DEFAULT 0,         -- deliveries that used up their attempts since the last success
    disabled_reason text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_subscription_account ON webhook_subscription (account_id);

CREATE TABLE webhook_event (
    id          uuid PRIMARY KEY,
    account_id  bigint NOT NULL REFERENCES account(id),
    type        text NOT NULL,
    payload     text NOT NULL,                          -- the JSON body exactly as delivered and signed
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_event_account ON webhook_event (account_id, created_at DESC);

CREATE TABLE webhook_delivery (
    id              bigserial PRIMARY KEY,
    subscription_id bigint NOT NULL REFERENCES webhook_subscription(id) ON DELETE CASCADE,
    event_id        uuid NOT NULL REFERENCES webhook_event(id),
    state           text NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    lease_until     timestamptz,                        -- a sender working on it; another takes it after this
    delivered_at    timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX webhook_delivery_subscription ON webhook_delivery (subscription_id, id DESC);

CREATE TABLE webhook_attempt (
    id           bigserial PRIMARY KEY,
    delivery_id  bigint NOT NULL REFERENCES webhook_delivery(id) ON DELETE CASCADE,
    attempted_at timestamptz NOT NULL DEFAULT now(),
    status       integer,                               -- the receiver's HTTP status; null when none came
    error        text CHECK (length(error) <= 500),     -- why it failed, when it did
    duration_ms  integer NOT NULL
);
CREATE INDEX webhook_attempt_delivery ON webhook_attempt (delivery_id, id);

-- The audit log names webhook subscriptions as subjects (created, deleted, enabled, disabled, redelivered): the type
-- joins the list of subject types, whatever earlier migrations added to it.
DO $$
DECLARE
    constraint_name TEXT;
    definition      TEXT;
BEGIN
    SELECT conname, pg_get_constraintdef(oid) INTO constraint_name, definition FROM pg_constraint
    WHERE conrelid = 'audit_log'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%subject_type%';
    EXECUTE format('ALTER TABLE audit_log DROP CONSTRAINT %I', constraint_name);
    EXECUTE format('ALTER TABLE audit_log ADD CONSTRAINT %I %s', constraint_name,
                   replace(definition, 'ARRAY[', 'ARRAY[''WEBHOOK''::text, '));
END
$$;
