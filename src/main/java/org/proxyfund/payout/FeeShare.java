package org.proxyfund.payout;

/** The rule "a batch's fee may be at most max-fee-share-bp of its total", in exact integer arithmetic. */
final class FeeShare {

    private FeeShare() {
    }

    static boolean tooHigh(long feeSats, long totalSats, int maxShareBp) {
        return Math.multiplyExact(feeSats, 10_000L) > Math.multiplyExact(totalSats, (long) maxShareBp);
    }

    static String message(long feeSats, long totalSats, int maxShareBp) {
        return "the fee of " + feeSats + " sats is more than " + String.format("%d.%02d", maxShareBp / 100, maxShareBp % 100)
                + " % of the batch's "
                + totalSats + " sats; it waits for lower fees (proxyfund.payout.fee-rate-sat-per-vb) or a larger batch";
    }
}
