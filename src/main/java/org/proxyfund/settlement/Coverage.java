package org.proxyfund.settlement;

import java.time.Duration;
import java.time.Instant;

/**
 * The coverage rule: an endpoint earns in an epoch only if its recorded verdicts (UP + DOWN) reach a floor of the
 * checks the schedule expected of it. A ratio alone cannot tell 2 UP out of 2 from 10,000 UP out of 10,000: an
 * endpoint that stalls every check until it is discarded (the trickling impostor) or otherwise keeps its checks from
 * being recorded would otherwise be paid on the few verdicts it allowed.
 *
 * <p>Expected = one check per interval over the endpoint's span in the epoch, from its first recorded check (any
 * status, so roughly when it was approved) to the epoch's end or its retirement. UNKNOWN checks (the monitor was
 * impaired) are taken off the expected: the monitor's outages never count against the operator; checks that left no
 * record at all do, because the schedule runs every endpoint every interval.
 *
 * @param minCoverageBp floor in basis points of (expected − UNKNOWN); 0 turns the rule off
 * @param interval      the check interval the schedule runs with
 */
public record Coverage(int minCoverageBp, Duration interval) {

    public Coverage {
        if (minCoverageBp < 0 || minCoverageBp > 10_000) {
            throw new IllegalArgumentException("minimum coverage must be 0..10000 basis points, got " + minCoverageBp);
        }
        if (interval == null || interval.isNegative() || interval.toMillis() < 1) {
            throw new IllegalArgumentException("check interval must be positive, got " + interval);
        }
    }

    /** Checks the schedule expected in [from, to): whole intervals, rounded down; 0 for an empty span. */
    public long expected(Instant from, Instant to) {
        if (from == null || to == null || !to.isAfter(from)) {
            return 0;
        }
        return Duration.between(from, to).toMillis() / interval.toMillis();
    }

    /**
     * Whether {@code up + down} verdicts reach the floor of the {@code expected} checks less the {@code unknown} ones.
     * Exact integer arithmetic: (up + down) × 10000 ≥ floor × (expected − unknown).
     */
    public boolean meets(long up, long down, long unknown, long expected) {
        if (up < 0 || down < 0 || unknown < 0 || expected < 0) {
            throw new IllegalArgumentException("counts must not be negative: up=" + up + " down=" + down + " unknown="
                    + unknown + " expected=" + expected);
        }
        long owed = Math.max(0, expected - unknown);
        return Math.multiplyExact(up + down, 10_000L) >= Math.multiplyExact((long) minCoverageBp, owed);
    }
}
