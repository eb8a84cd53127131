package org.proxyfund.payout;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** One batch in full for the admin API: the row, its lines, its transactions, the current approvals and its history. */
public record PayoutBatchDetail(PayoutBatchView batch, List<Line> lines, List<Tx> transactions, List<Long> approvedBy,
                                List<PayoutEventView> events) {

    /** One output: the operator, the address copied at proposal, the amount, its output index. */
    public record Line(long accountId, String handle, int vout, String address, long amountSats, boolean open) {
    }

    /** A signed transaction of the batch (seq 0 the original, then fee-bump replacements), without its raw bytes. */
    public record Tx(String txid, int seq, long feeSats, int vsize, Instant createdAt, boolean confirmed,
                     @Schema(nullable = true) String explorerUrl) {
    }
}
