package org.proxyfund.donation;

import java.time.Instant;
import java.util.List;

/**
 * A donor's receipt: the donation, each payment to its address with amount, transaction, output, date and
 * confirmations as the chain shows them now, and the confirmed total. Built when asked; nothing about the donor.
 */
public record DonationReceipt(String donationId, String address, String addressUrl, String message, long confirmedSats,
                              int confirmationsRequired, String network, Instant issuedAt, List<Payment> payments) {

    /**
     * One payment. {@code date}: the block's time once mined, else when the wallet first saw it. {@code status}:
     * SEEN, CONFIRMED or GONE (it left the chain).
     */
    public record Payment(String txid, int vout, long amountSats, String status, int confirmations, Integer blockHeight,
                          Instant date, String txUrl) {
    }
}
