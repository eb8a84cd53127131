package org.proxyfund.payout;

import java.time.Instant;

/** One PSBT offered for a batch: its revision (the newest is current), final txid, bytes, fee and estimated size. */
public record PayoutPsbt(long batchId, int revision, String txid, byte[] psbt, long feeSats, int vsize, Instant createdAt) {
}
