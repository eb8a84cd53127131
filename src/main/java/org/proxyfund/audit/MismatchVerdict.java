package org.proxyfund.audit;

/**
 * Whether the ledger check's readings amount to a mismatch to report. The books follow the chain through the payout
 * worker and the donation reconciler, one pass behind the wallet: after a reorg the wallet has a payout's coins back
 * at once while the books still say paid until the worker's next pass takes the batch back (docs/payouts.md). So:
 * <ul>
 * <li>a ledger that does not sum to zero is reported at once (one query, nothing to race with);</li>
 * <li>a reading taken while the wallet was catching up, or moved to another block during it, compares a wallet and
 *     books read at different chain positions: it neither reports nor clears anything;</li>
 * <li>a difference between books and wallet (or the public figures) is reported when two consecutive comparable
 *     readings show one: a real divergence persists and is reported one check later; the worker's lag does not.</li>
 * </ul>
 * One writer: {@link LedgerCheckService} under its own lock.
 */
final class MismatchVerdict {

    /** What a reading led to. */
    enum Outcome {
        /** Books and wallet agree (or only the sum was checked and holds). */
        OK,
        /** A first sighting of a difference: checked again before it is reported. */
        SUSPECTED,
        /** A mismatch: reported (logged as LEDGER MISMATCH, metric raised). */
        REPORTED,
        /** The reading was not comparable (the wallet moved or was catching up): the previous verdict stands. */
        DEFERRED
    }

    private boolean suspected;
    private boolean reported;

    /**
     * Takes one reading: {@code sumsToZero} of the ledger, {@code comparable} whether the wallet was synced at one
     * chain position throughout, {@code matches} whether books and wallet (and the public figures) agreed.
     */
    Outcome take(boolean sumsToZero, boolean comparable, boolean matches) {
        if (!sumsToZero) {
            reported = true;
            return Outcome.REPORTED;
        }
        if (!comparable) {
            return Outcome.DEFERRED;
        }
        if (matches) {
            suspected = false;
            reported = false;
            return Outcome.OK;
        }
        if (suspected || reported) {
            reported = true;
            return Outcome.REPORTED;
        }
        suspected = true;
        return Outcome.SUSPECTED;
    }

    /** Whether a mismatch stands reported (the metric's value). */
    boolean reported() {
        return reported;
    }
}
