package org.proxyfund.payout;

/** The rule "a batch's fee may be at most max-fee-share-bp of its total", in exact integer arithmetic. */
final class FeeShare {

    private FeeShare() {
    }

    static boolean tooHigh(long feeSats, long totalSats, int maxShareBp) {
        return Math.multiplyExact(feeSats, 10_000L) > Math.multiplyExact(totalSats, (long) maxShareBp);
    }
}
