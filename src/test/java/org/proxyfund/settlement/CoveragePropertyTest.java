package org.proxyfund.settlement;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The coverage rule on random epochs: recorded verdicts against the checks the schedule expected, UNKNOWN excluded. */
@PlainLane
class CoveragePropertyTest {

    private static final int CASES = 20_000;
    private static final Instant START = Instant.parse("2026-11-30T00:00:00Z");
    private static final Instant WEEK_END = START.plus(Duration.ofDays(7));

    @Test
    void shouldPayNothingForTwoUpOverAnEpochThatExpectedHundreds() {
        Coverage coverage = new Coverage(5000, Duration.ofSeconds(60));
        long expected = coverage.expected(START, START.plus(Duration.ofHours(5)));
        assertEquals(300, expected);
        assertFalse(coverage.meets(2, 0, 0, expected), "2 UP of 300 expected");
        assertFalse(coverage.meets(2, 0, 0, coverage.expected(START, WEEK_END)), "2 UP of a week's 10,080 expected");
        assertTrue(coverage.meets(150, 0, 0, expected), "half the expected checks reach a 50 % floor");
        assertFalse(coverage.meets(149, 0, 0, expected), "one fewer does not");
    }

    @Test
    void shouldNeverCountUnknownChecksAgainstTheOperator() {
        Coverage coverage = new Coverage(5000, Duration.ofSeconds(60));
        long expected = coverage.expected(START, WEEK_END);
        assertTrue(coverage.meets(2, 0, expected - 2, expected), "the monitor was impaired for all but 2 checks: both recorded");
        assertTrue(coverage.meets(1, 1, expected, expected), "UNKNOWN for the whole epoch: nothing owed");
        assertFalse(coverage.meets(2, 0, expected - 10, expected), "2 of the 10 checks the monitor could make");
    }

    @Test
    void shouldHoldTheCoverageRuleOnRandomEpochs() {
        Random random = new Random(20261206L);
        for (int n = 0; n < CASES; n++) {
            int floor = random.nextInt(10_001);
            Duration interval = Duration.ofSeconds(1 + random.nextInt(600));
            Coverage coverage = new Coverage(floor, interval);
            Instant from = START.plusSeconds(random.nextInt(7 * 86_400));
            Instant to = random.nextInt(10) == 0 ? from.minusSeconds(random.nextInt(1000)) : from.plusSeconds(random.nextInt(7 * 86_400));
            long expected = coverage.expected(from, to);
            long seconds = Math.max(0, Duration.between(from, to).getSeconds());
            assertEquals(seconds / interval.getSeconds(), expected, "one check per whole interval, case " + n);

            long unknown = expected == 0 ? 0 : (long) (random.nextDouble() * expected);
            long recorded = expected - unknown == 0 ? 0 : (long) (random.nextDouble() * (expected - unknown + 1));
            long up = recorded == 0 ? 0 : (long) (random.nextDouble() * (recorded + 1));
            long down = recorded - up;
            boolean meets = coverage.meets(up, down, unknown, expected);
            // exact: recorded / (expected - unknown) >= floor / 10000, compared without rounding
            boolean exact = java.math.BigInteger.valueOf(recorded).multiply(java.math.BigInteger.valueOf(10_000))
                    .compareTo(java.math.BigInteger.valueOf(floor).multiply(java.math.BigInteger.valueOf(expected - unknown))) >= 0;
            assertEquals(exact, meets, "case " + n);
            assertEquals(meets, coverage.meets(down, up, unknown, expected), "UP and DOWN both count as recorded, case " + n);
            if (meets) {
                assertTrue(coverage.meets(up + 1, down, unknown, expected), "one more recorded check never loses coverage, case " + n);
                assertTrue(coverage.meets(up, down, Math.min(expected, unknown + 1), expected),
                        "one more UNKNOWN never loses coverage, case " + n);
            } else {
                assertTrue(floor > 0, "a floor of 0 is always met");
                assertFalse(coverage.meets(up, down, unknown, expected + 1), "more expected never gains coverage, case " + n);
            }
        }
    }

    @Test
    void shouldRefuseImpossibleRules() {
        assertThrows(IllegalArgumentException.class, () -> new Coverage(-1, Duration.ofSeconds(60)));
        assertThrows(IllegalArgumentException.class, () -> new Coverage(10_001, Duration.ofSeconds(60)));
        assertThrows(IllegalArgumentException.class, () -> new Coverage(5000, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new Coverage(5000, Duration.ofSeconds(60)).meets(-1, 0, 0, 10));
    }
}
