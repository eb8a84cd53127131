package org.proxyfund.payout;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * One of an operator's payouts as their history shows it: the batch and its state, what was paid to which address,
 * in which transaction and output, and where that transaction sits in the chain (null until it is in a block).
 */
public record PayoutRecord(long batchId, String state, long amountSats, String address, @Schema(nullable = true) String addressUrl, @Schema(nullable = true) String txid,
                           @Schema(nullable = true) String txUrl, int vout, @Schema(nullable = true) Integer blockHeight,
                           @Schema(nullable = true, implementation = String.class, format = "date-time") Instant blockTime, @Schema(nullable = true) Integer confirmations) {
}
