-- A donation payment that was in a block and is in none any more (a reorg took the block away): its donor is told on
-- the donation page. Set when the payment's confirmations fall from 1 or more to 0 (pending again, or gone), cleared
-- when it is in a block again.
ALTER TABLE donation_payment ADD COLUMN left_chain_at TIMESTAMPTZ;
