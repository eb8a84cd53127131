-- Payouts signed by the admins' own wallets (docs/wallet.md, "Treasury"): an approved batch becomes a PSBT the admins
-- download and sign; the batch waits in AWAITING_SIGNATURES until a signed upload matching the proposal is stored
-- (SIGNED, as if the hot wallet had signed it). A new PSBT of the same batch is a new revision spending the same coins.
ALTER TABLE payout_batch DROP CONSTRAINT payout_batch_state_check;
ALTER TABLE payout_batch ADD CONSTRAINT payout_batch_state_check CHECK (state IN ('PROPOSED', 'APPROVED',
    'AWAITING_SIGNATURES', 'SIGNED', 'BROADCAST', 'CONFIRMED', 'REJECTED', 'FAILED'));
ALTER TABLE payout_batch ADD CONSTRAINT payout_batch_awaiting_unsigned CHECK (state <> 'AWAITING_SIGNATURES' OR txid IS NULL);
DROP INDEX payout_batch_open_idx;
CREATE INDEX payout_batch_open_idx ON payout_batch (state)
    WHERE state IN ('PROPOSED', 'APPROVED', 'AWAITING_SIGNATURES', 'SIGNED', 'BROADCAST');

-- Every PSBT offered for a batch, newest revision current; history, never rewritten.
CREATE TABLE payout_psbt (
    batch_id     BIGINT NOT NULL REFERENCES payout_batch (id),
    revision     INTEGER NOT NULL CHECK (revision >= 1),
    txid         TEXT NOT NULL CHECK (txid ~ '^[0-9a-f]{64}$'),
    psbt         BYTEA NOT NULL CHECK (length(psbt) BETWEEN 60 AND 4194304),
    fee_sats     BIGINT NOT NULL CHECK (fee_sats >= 0),
    vsize        INTEGER NOT NULL CHECK (vsize > 0),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (batch_id, revision)
);
CREATE TRIGGER payout_psbt_append_only BEFORE UPDATE OR DELETE ON payout_psbt
    FOR EACH ROW EXECUTE FUNCTION payout_history_append_only();
