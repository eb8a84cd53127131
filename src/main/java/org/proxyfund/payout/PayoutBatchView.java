package org.proxyfund.payout;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * One batch row as pages and the sending loop read it. {@code reorgedAt}: when a reorg last took its
 * confirmation away ({@code reorgCount} times in all), null if never.
 */
public record PayoutBatchView(long id, String proposalKey, int part, int parts, BatchState state, int revision,
                              long totalSats, int lineCount, long twoAdminThresholdSats, @Schema(nullable = true) String txid,
                              @Schema(nullable = true) String confirmedTxid, @Schema(nullable = true) Long feeSats, @Schema(nullable = true) String closingReason,
                              @Schema(nullable = true) String waitingReason,
                              Instant createdAt, Instant updatedAt, @Schema(nullable = true, implementation = String.class, format = "date-time") Instant signedAt,
                              @Schema(nullable = true, implementation = String.class, format = "date-time") Instant broadcastAt,
                              @Schema(nullable = true, implementation = String.class, format = "date-time") Instant closedAt,
                              @Schema(nullable = true, implementation = String.class, format = "date-time") Instant reorgedAt,
                              int reorgCount) {

    /** Whether the batch may still pay (not yet closed). */
    public boolean open() {
        return !state.isClosed();
    }
}
