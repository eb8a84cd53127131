package org.proxyfund.donation;

import java.time.Instant;

/**
 * One output paying a donation address, as the wallet last reported it: SEEN, CONFIRMED or GONE (a reorg or a
 * double-spend took it out of the chain); with the donation's public message, if any.
 */
public record DonationPayment(String donationId, String txid, int vout, String address, long amountSats,
                              int confirmations, String status, Instant firstSeenAt, String message) {
}
