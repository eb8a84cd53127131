package org.proxyfund.payout;

import java.time.Instant;

/**
 * One batch row as pages, the sender and the reconciler read it. {@code reorgedAt}: when a reorg last took its
 * confirmation away ({@code reorgCount} times in all), null if never.
 */
public record PayoutBatchView(long id, String proposalKey, int part, int parts, BatchState state, int revision,
                              long totalSats, int lineCount, long twoAdminThresholdSats, String txid,
                              String confirmedTxid, Long feeSats, String closingReason, String waitingReason,
                              Instant createdAt, Instant updatedAt, Instant signedAt,
                              Instant broadcastAt, Instant closedAt, Instant reorgedAt, int reorgCount) {

    /** Whether the batch may still pay (not yet closed). */
    public boolean open() {
        return !state.isClosed();
    }
}
