package org.proxyfund.donation;

/** What the status page shows about a donation; amounts already formatted in BTC. */
public record DonationView(String id, String status, String address, String uri, String requestedBtc,
                           String receivedBtc, String confirmedBtc, String balance, String differenceBtc,
                           String message, int confirmationsRequired) {

    static DonationView of(Donation d, String uri, int confirmationsRequired) {
        String balance = "NONE";
        String diff = null;
        if (d.requestedSats != null && d.receivedSats > 0) {
            long delta = d.receivedSats - d.requestedSats;
            balance = delta > 0 ? "OVER" : delta < 0 ? "UNDER" : "EXACT";
            diff = Bip21.btc(Math.abs(delta));
        }
        return new DonationView(d.id, d.status.name(), d.address, uri,
                d.requestedSats == null ? null : Bip21.btc(d.requestedSats), Bip21.btc(d.receivedSats),
                Bip21.btc(d.confirmedSats), balance, diff, d.message, confirmationsRequired);
    }
}
