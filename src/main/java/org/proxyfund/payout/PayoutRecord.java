package org.proxyfund.payout;

import java.time.Instant;

/**
 * One of an operator's payouts as their history shows it: the batch and its state, what was paid to which address,
 * in which transaction and output, and where that transaction sits in the chain (null until it is in a block).
 */
public record PayoutRecord(long batchId, String state, long amountSats, String address, String addressUrl, String txid,
                           String txUrl, int vout, Integer blockHeight, Instant blockTime, Integer confirmations) {
}
