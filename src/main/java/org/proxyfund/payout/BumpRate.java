package org.proxyfund.payout;

import java.util.OptionalLong;

/**
 * The rate a fee bump asks for, or none when no bump is due. A bump by target: the node's estimate for the target is
 * above the rate the batch pays, so it is raised to the estimate at once. A bump when stuck: unconfirmed for
 * {@code stuck-after}, raised by {@code bump-percent} (by 1 sat/vB at least, and to the estimate at least). Pure; the
 * caps (ceiling, fee share, max bumps) are the sending loop's.
 */
final class BumpRate {

    private BumpRate() {
    }

    static OptionalLong due(boolean stuck, FeeEstimate estimate, long oldRate, int bumpPercent) {
        boolean belowTarget = estimate.fromNode() && estimate.satPerVb() > oldRate;
        if (!stuck && !belowTarget) {
            return OptionalLong.empty();
        }
        long next = stuck ? Math.max(oldRate * (100 + bumpPercent) / 100, oldRate + 1) : oldRate + 1;
        if (estimate.fromNode()) {
            next = Math.max(next, estimate.satPerVb());
        }
        return OptionalLong.of(next);
    }
}
