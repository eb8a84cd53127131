-- The hot float's sweeps to cold storage (docs/wallet.md, "The hot float"). One row per sweep, recorded with its signed
-- bytes before anything sends them; the state moves only through SweepService (the one writer, which locks the row and
-- applies SweepMachine). cold_index is the cold account's receive index 0/i it pays: unique, so no cold address is
-- ever paid by two sweeps, and the next sweep takes the next index after every one ever recorded.
CREATE TABLE treasury_sweep (
    id               BIGSERIAL PRIMARY KEY,
    state            TEXT NOT NULL CHECK (state IN ('SIGNED', 'BROADCAST', 'CONFIRMED', 'FAILED')),
    txid             TEXT NOT NULL UNIQUE CHECK (txid ~ '^[0-9a-f]{64}$'),
    raw              BYTEA NOT NULL CHECK (length(raw) BETWEEN 60 AND 4194304),
    cold_index       INTEGER NOT NULL UNIQUE CHECK (cold_index >= 0),
    cold_address     TEXT NOT NULL UNIQUE CHECK (length(cold_address) BETWEEN 14 AND 90),
    swept_sats       BIGINT NOT NULL CHECK (swept_sats > 0 AND swept_sats <= 2100000000000000),
    fee_sats         BIGINT NOT NULL CHECK (fee_sats >= 0),
    reorg_count      INTEGER NOT NULL DEFAULT 0 CHECK (reorg_count >= 0),
    -- the ledger entry of its confirmation; a reorg reverses exactly it and clears this
    ledger_entry_id  BIGINT REFERENCES ledger_entry (id),
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    broadcast_at     TIMESTAMPTZ,
    confirmed_at     TIMESTAMPTZ,
    CHECK ((state = 'CONFIRMED') = (ledger_entry_id IS NOT NULL))
);
CREATE INDEX treasury_sweep_open_idx ON treasury_sweep (state) WHERE state IN ('SIGNED', 'BROADCAST');

-- A confirmed sweep moves coins from the hot wallet's account to cold storage's, its fee to miner_fees.
ALTER TABLE ledger_entry DROP CONSTRAINT IF EXISTS ledger_entry_kind_check;
ALTER TABLE ledger_entry ADD CONSTRAINT ledger_entry_kind_check
    CHECK (kind IN ('DONATION_CONFIRMED', 'REVERSAL', 'SETTLEMENT', 'PAYOUT_CONFIRMED', 'SWEEP_CONFIRMED'));
ALTER TABLE ledger_line DROP CONSTRAINT ledger_line_account_check;
ALTER TABLE ledger_line ADD CONSTRAINT ledger_line_account_check
    CHECK (account ~ '^(wallet|donations|miner_fees|reserve|cold_storage|operator_payable:[0-9]{1,19})$');
