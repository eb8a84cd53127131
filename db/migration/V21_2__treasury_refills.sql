-- Refills of the hot float from cold storage (docs/wallet.md, "The hot float"): the admins pay a hot receive address
-- shown on the payouts page from the cold wallet; the service watches it arrive. treasury_refill_address: every
-- address handed out for a refill (a hot wallet address, also in wallet_address). treasury_refill: each output paid to
-- one, booked (cold_storage -> wallet) exactly while confirmed: ledger_entry_id is the booking, null once a reorg took
-- it out (its entry reversed).
CREATE TABLE treasury_refill_address (
    address     TEXT PRIMARY KEY CHECK (length(address) BETWEEN 14 AND 90),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE treasury_refill (
    txid             TEXT NOT NULL CHECK (txid ~ '^[0-9a-f]{64}$'),
    vout             INTEGER NOT NULL CHECK (vout >= 0),
    address          TEXT NOT NULL REFERENCES treasury_refill_address (address),
    sats             BIGINT NOT NULL CHECK (sats > 0 AND sats <= 2100000000000000),
    ledger_entry_id  BIGINT REFERENCES ledger_entry (id),
    seen_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (txid, vout)
);

ALTER TABLE ledger_entry DROP CONSTRAINT IF EXISTS ledger_entry_kind_check;
ALTER TABLE ledger_entry ADD CONSTRAINT ledger_entry_kind_check
    CHECK (kind IN ('DONATION_CONFIRMED', 'REVERSAL', 'SETTLEMENT', 'PAYOUT_CONFIRMED', 'SWEEP_CONFIRMED', 'REFILL_CONFIRMED'));
