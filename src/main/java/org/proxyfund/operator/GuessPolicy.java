package org.proxyfund.operator;

import java.time.Duration;

/**
 * How long the next password check of one throttle key waits after {@code failures} failed ones: nothing for the
 * first {@code free}, then {@code base}, doubling with each further failure up to {@code max}. A slowdown, never a
 * lockout: the owner can always try again after the wait, and trusted clients have keys of their own.
 */
record GuessPolicy(int free, Duration base, Duration max, Duration forgetAfter) {

    GuessPolicy {
        if (free < 0 || base.isNegative() || max.compareTo(base) < 0 || forgetAfter.isNegative()) {
            throw new IllegalArgumentException("guess limits: free >= 0, 0 <= base <= max, forget-after >= 0");
        }
    }

    static GuessPolicy of(OperatorConfig c) {
        return new GuessPolicy(c.guessFreeFailures(), c.guessBaseDelay(), c.guessMaxDelay(), c.guessForgetAfter());
    }

    /** The wait before the check that follows the {@code failures}-th failure. */
    Duration delayAfter(int failures) {
        if (failures <= free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - free - 1, 40);
        long millis = base.toMillis();
        for (int i = 0; i < doublings && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }
}
