package org.proxyfund.operator;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The per-account guessing schedule: free failures, then a wait doubling up to the ceiling, never a lockout. */
@PlainLane
class GuessPolicyTest {

    private final GuessPolicy policy = new GuessPolicy(5, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(24));

    @Test
    void shouldLetTheFreeFailuresThroughWithoutWaiting() {
        for (int f = 0; f <= 5; f++) {
            assertEquals(Duration.ZERO, policy.delayAfter(f));
        }
    }

    @Test
    void shouldDoubleTheWaitAfterEachFurtherFailureUpToTheCeiling() {
        assertEquals(Duration.ofSeconds(1), policy.delayAfter(6));
        assertEquals(Duration.ofSeconds(2), policy.delayAfter(7));
        assertEquals(Duration.ofSeconds(4), policy.delayAfter(8));
        assertEquals(Duration.ofSeconds(512), policy.delayAfter(15));
        assertEquals(Duration.ofMinutes(15), policy.delayAfter(16));
        assertEquals(Duration.ofMinutes(15), policy.delayAfter(1_000_000));
    }

    @Test
    void shouldAllowAboutAHundredGuessesADayAtTheCeiling() {
        long seconds = 0;
        int guesses = 0;
        while (seconds < Duration.ofDays(1).toSeconds()) {
            guesses++;
            seconds += policy.delayAfter(guesses).toSeconds();
        }
        assertEquals(110, guesses, "5 free, 10 doubling (1023 s), then one per 15 minutes");
    }

    @Test
    void shouldRefuseACeilingBelowTheFirstWait() {
        assertThrows(IllegalArgumentException.class,
                () -> new GuessPolicy(5, Duration.ofMinutes(20), Duration.ofMinutes(15), Duration.ofHours(1)));
    }
}
