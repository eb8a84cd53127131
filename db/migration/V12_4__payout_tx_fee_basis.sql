-- Where a payout transaction's fee rate came from: the node's estimate (estimatesmartfee), the node's mempool, or
-- the configured fixed rate; what that reading said before floor and ceiling, and for how many blocks. Null for
-- transactions signed before the estimate existed.
ALTER TABLE payout_tx ADD COLUMN fee_source TEXT CHECK (fee_source IN ('NODE_ESTIMATE', 'NODE_MEMPOOL', 'FIXED'));
ALTER TABLE payout_tx ADD COLUMN fee_estimate_sat_per_vb BIGINT CHECK (fee_estimate_sat_per_vb >= 0);
ALTER TABLE payout_tx ADD COLUMN fee_target_blocks INTEGER CHECK (fee_target_blocks > 0);
