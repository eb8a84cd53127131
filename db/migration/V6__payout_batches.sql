-- Issue 6: payout batches. One row per batch, one transaction per batch (a proposal larger than the maximum
-- output count becomes several batches, "parts"). The state column moves only through PayoutService, the single
-- writer, which locks the row (SELECT ... FOR UPDATE) and applies BatchStateMachine's transition table.

-- Ledger: settlement credits operators' payables; a confirmed batch pays them out of the wallet and books the fee.
ALTER TABLE ledger_entry DROP CONSTRAINT IF EXISTS ledger_entry_kind_check;
ALTER TABLE ledger_entry ADD CONSTRAINT ledger_entry_kind_check
    CHECK (kind IN ('DONATION_CONFIRMED', 'REVERSAL', 'SETTLEMENT', 'PAYOUT_CONFIRMED'));

CREATE TABLE payout_batch (
    id                       BIGSERIAL PRIMARY KEY,
    -- What proposed it and which part: triggering the same proposal twice finds these rows instead.
    proposal_key             TEXT NOT NULL CHECK (length(proposal_key) BETWEEN 1 AND 100),
    part                     INTEGER NOT NULL CHECK (part >= 1),
    parts                    INTEGER NOT NULL CHECK (parts >= part),
    state                    TEXT NOT NULL CHECK (state IN ('PROPOSED', 'APPROVED', 'SIGNED', 'BROADCAST',
                                                            'CONFIRMED', 'REJECTED', 'FAILED')),
    revision                 INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
    total_sats               BIGINT NOT NULL CHECK (total_sats > 0 AND total_sats <= 2100000000000000),
    line_count               INTEGER NOT NULL CHECK (line_count > 0),
    -- Fixed when proposed, so a configuration change cannot alter what an in-flight batch needs.
    two_admin_threshold_sats BIGINT NOT NULL CHECK (two_admin_threshold_sats >= 0),
    -- The original signed transaction (also in payout_tx as seq 0), stored BEFORE any broadcast.
    txid                     TEXT CHECK (txid ~ '^[0-9a-f]{64}$'),
    confirmed_txid           TEXT CHECK (confirmed_txid ~ '^[0-9a-f]{64}$'),
    fee_sats                 BIGINT CHECK (fee_sats >= 0),
    closing_reason           TEXT CHECK (length(closing_reason) BETWEEN 1 AND 500),
    -- Why sending waits (fee share too high, wallet not synced, ...): information only, never a state.
    waiting_reason           TEXT CHECK (length(waiting_reason) <= 500),
    created_at               TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at               TIMESTAMPTZ NOT NULL DEFAULT now(),
    signed_at                TIMESTAMPTZ,
    broadcast_at             TIMESTAMPTZ,
    closed_at                TIMESTAMPTZ,
    UNIQUE (proposal_key, part),
    CHECK ((state IN ('SIGNED', 'BROADCAST', 'CONFIRMED')) <= (txid IS NOT NULL)),
    CHECK ((state IN ('PROPOSED', 'APPROVED', 'REJECTED')) <= (txid IS NULL)),
    CHECK ((state = 'CONFIRMED') = (confirmed_txid IS NOT NULL)),
    CHECK ((state IN ('REJECTED', 'FAILED')) = (closing_reason IS NOT NULL))
);
CREATE INDEX payout_batch_open_idx ON payout_batch (state) WHERE state IN ('PROPOSED', 'APPROVED', 'SIGNED', 'BROADCAST');

-- One output per operator. The address is copied when proposed: a later address change cannot redirect a batch.
CREATE TABLE payout_line (
    batch_id     BIGINT NOT NULL REFERENCES payout_batch (id),
    account_id   BIGINT NOT NULL REFERENCES account (id),
    position     INTEGER NOT NULL CHECK (position >= 0),
    address      TEXT NOT NULL CHECK (length(address) BETWEEN 14 AND 100),
    amount_sats  BIGINT NOT NULL CHECK (amount_sats > 0 AND amount_sats <= 2100000000000000),
    -- True while the batch may still pay: an operator is in at most one open batch, so nobody is proposed twice.
    open         BOOLEAN NOT NULL DEFAULT TRUE,
    PRIMARY KEY (batch_id, account_id),
    UNIQUE (batch_id, position)
);
CREATE UNIQUE INDEX payout_line_one_open_per_operator ON payout_line (account_id) WHERE open;
CREATE INDEX payout_line_account_idx ON payout_line (account_id);

-- Approvals of one revision; a new revision voids the old ones (they stay for the record).
CREATE TABLE payout_approval (
    batch_id     BIGINT NOT NULL REFERENCES payout_batch (id),
    revision     INTEGER NOT NULL CHECK (revision >= 1),
    admin_id     BIGINT NOT NULL REFERENCES account (id),
    approved_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (batch_id, revision, admin_id)
);

-- Every signed transaction of a batch: the original (seq 0) and fee-bump replacements (seq 1, 2, ...).
CREATE TABLE payout_tx (
    txid         TEXT PRIMARY KEY CHECK (txid ~ '^[0-9a-f]{64}$'),
    batch_id     BIGINT NOT NULL REFERENCES payout_batch (id),
    seq          INTEGER NOT NULL CHECK (seq >= 0),
    raw_tx       BYTEA NOT NULL CHECK (length(raw_tx) BETWEEN 60 AND 400000),
    fee_sats     BIGINT NOT NULL CHECK (fee_sats >= 0),
    vsize        INTEGER NOT NULL CHECK (vsize > 0),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (batch_id, seq)
);

-- What happened to a batch, in order: the audit trail shown on the admin pages.
CREATE TABLE payout_event (
    id           BIGSERIAL PRIMARY KEY,
    batch_id     BIGINT NOT NULL REFERENCES payout_batch (id),
    kind         TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 40),
    from_state   TEXT NOT NULL,
    to_state     TEXT NOT NULL,
    actor_id     BIGINT REFERENCES account (id),
    detail       TEXT NOT NULL DEFAULT '' CHECK (length(detail) <= 1000),
    at           TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX payout_event_batch_idx ON payout_event (batch_id, id);

-- Events and signed transactions are history: never rewritten or removed.
CREATE FUNCTION payout_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END $$;
CREATE TRIGGER payout_event_append_only BEFORE UPDATE OR DELETE ON payout_event
    FOR EACH ROW EXECUTE FUNCTION payout_history_append_only();
CREATE TRIGGER payout_tx_append_only BEFORE UPDATE OR DELETE ON payout_tx
    FOR EACH ROW EXECUTE FUNCTION payout_history_append_only();
