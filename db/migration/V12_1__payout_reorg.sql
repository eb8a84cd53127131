-- A reorg can take a CONFIRMED batch's transaction out of the chain: the batch goes back to BROADCAST (in flight
-- again, the same recorded transactions) and the ledger entry its confirmation posted is reversed. The entry is
-- remembered on the batch so that exactly it is reversed; a batch confirmed again posts (and remembers) a new one.
ALTER TABLE payout_batch ADD COLUMN ledger_entry_id BIGINT UNIQUE REFERENCES ledger_entry (id);
-- When a reorg last took the batch's confirmation away, and how often that happened.
ALTER TABLE payout_batch ADD COLUMN reorged_at TIMESTAMPTZ;
ALTER TABLE payout_batch ADD COLUMN reorg_count INTEGER NOT NULL DEFAULT 0 CHECK (reorg_count >= 0);

UPDATE payout_batch b SET ledger_entry_id = (
    SELECT max(e.id) FROM ledger_entry e
    WHERE e.kind = 'PAYOUT_CONFIRMED' AND e.reference = 'payout batch ' || b.id || ' tx ' || b.confirmed_txid)
WHERE b.state = 'CONFIRMED';

-- A batch is booked exactly while it is CONFIRMED.
ALTER TABLE payout_batch ADD CONSTRAINT payout_batch_booked_while_confirmed
    CHECK ((state = 'CONFIRMED') = (ledger_entry_id IS NOT NULL));
ALTER TABLE payout_batch ADD CONSTRAINT payout_batch_reorg_noted CHECK ((reorg_count > 0) = (reorged_at IS NOT NULL));
