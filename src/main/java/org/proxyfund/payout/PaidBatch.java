package org.proxyfund.payout;

import java.time.Instant;

/** A CONFIRMED batch as the public and the books see it: the transaction that paid, its outputs' total and its fee. */
public record PaidBatch(long batchId, String txid, long totalSats, long feeSats, int lineCount, Instant confirmedAt) {
}
