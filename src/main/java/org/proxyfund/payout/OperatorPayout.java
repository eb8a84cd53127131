package org.proxyfund.payout;

import java.time.Instant;

/**
 * One operator's line in a batch, as their own payouts page shows it; txid is the confirmed one, else the original;
 * {@code vout} is the line's output index in the batch's transaction.
 */
public record OperatorPayout(long batchId, BatchState state, long amountSats, String address, String txid, Instant updatedAt,
                             int vout) {
}
