package org.proxyfund.settlement;

import org.proxyfund.common.testing.PlainLane;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

@PlainLane
class MinimumPayoutTest {

    private final MinimumPayout minimum = new MinimumPayout(10_000);

    @Test
    void shouldAccrueSmallAmountsAndPayEverythingOnceOverTheMinimum() {
        MinimumPayout.Decision first = minimum.decide(0, 4_000);
        assertFalse(first.paysNow());
        assertEquals(4_000, first.accruedSats());
        MinimumPayout.Decision second = minimum.decide(first.accruedSats(), 5_999);
        assertFalse(second.paysNow(), "9,999 is one short of the minimum");
        assertEquals(9_999, second.accruedSats());
        MinimumPayout.Decision third = minimum.decide(second.accruedSats(), 1);
        assertTrue(third.paysNow(), "exactly the minimum is paid");
        assertEquals(10_000, third.payNowSats());
        assertEquals(0, third.accruedSats());
        assertEquals(25_000, minimum.decide(0, 25_000).payNowSats());
    }

    @Test
    void shouldNeverLoseASatoshiOverManyRandomEpochs() {
        Random random = new Random(6);
        for (int run = 0; run < 1_000; run++) {
            long accrued = 0;
            long earned = 0;
            long paid = 0;
            for (int epoch = 0; epoch < 20; epoch++) {
                long amount = random.nextInt(4) == 0 ? 0 : random.nextInt(12_000);
                earned += amount;
                MinimumPayout.Decision d = minimum.decide(accrued, amount);
                assertTrue(d.payNowSats() == 0 || d.payNowSats() >= 10_000, "no payout below the minimum");
                assertTrue(d.accruedSats() < 10_000, "nothing over the minimum is left waiting");
                paid += d.payNowSats();
                accrued = d.accruedSats();
            }
            assertEquals(earned, paid + accrued);
        }
    }

    @Test
    void shouldRefuseAMinimumAtOrBelowDust() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MinimumPayout(545));
        assertTrue(e.getMessage().contains("dust"));
        assertEquals(546, new MinimumPayout(546).minimumSats());
    }
}
