package org.proxyfund.payout;

import java.time.Instant;

/** One output of a CONFIRMED batch: who was paid, where, how much, in which transaction and output. */
public record PaidLine(long batchId, String txid, int vout, long accountId, String handle, String address,
                       long amountSats, Instant confirmedAt) {
}
