package org.proxyfund.donation;

import java.util.List;

/**
 * What the status page shows about a donation; amounts already formatted in BTC. {@code status} is the donation's,
 * or LEFT_CHAIN while a payment that was in a block is in none (a reorg), listed in {@code leftChainTxids}.
 */
public record DonationView(String id, String status, String address, String uri, String requestedBtc,
                           String receivedBtc, String confirmedBtc, String balance, String differenceBtc,
                           String message, int confirmationsRequired, List<String> leftChainTxids) {

    static DonationView of(Donation d, String uri, int confirmationsRequired, List<String> leftChainTxids) {
        String balance = "NONE";
        String diff = null;
        if (d.requestedSats != null && d.receivedSats > 0) {
            long delta = d.receivedSats - d.requestedSats;
            balance = delta > 0 ? "OVER" : delta < 0 ? "UNDER" : "EXACT";
            diff = Bip21.btc(Math.abs(delta));
        }
        String status = leftChainTxids.isEmpty() || d.status == DonationStatus.CONFIRMED ? d.status.name() : "LEFT_CHAIN";
        return new DonationView(d.id, status, d.address, uri,
                d.requestedSats == null ? null : Bip21.btc(d.requestedSats), Bip21.btc(d.receivedSats),
                Bip21.btc(d.confirmedSats), balance, diff, d.message, confirmationsRequired, List.copyOf(leftChainTxids));
    }

    /** The txids that left the chain, comma separated, for the page. */
    public String leftChainList() {
        return String.join(", ", leftChainTxids);
    }
}
