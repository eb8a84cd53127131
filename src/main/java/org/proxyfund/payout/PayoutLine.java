package org.proxyfund.payout;

/** One output of a batch: an operator, the address copied when proposed, and the amount in satoshis. */
public record PayoutLine(long accountId, int position, String address, long amountSats, boolean open) {
}
