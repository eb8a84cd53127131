package org.proxyfund.settlement;

import org.proxyfund.common.testing.PlainLane;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

@PlainLane
class BudgetPolicyTest {

    @Test
    void shouldSpendTheFixedAmountWhenEnoughIsAvailable() {
        Budget b = BudgetPolicy.fixed(50_000, 10_000).budget(1_000_000, 200_000, 5);
        assertEquals(50_000, b.amountSats());
        assertEquals(Budget.BudgetLimit.FIXED_AMOUNT, b.limit());
        assertEquals(1_000_000 - 10_000 - 200_000 - 5, b.availableSats());
    }

    @Test
    void shouldTakeThePercentageOfTheConfirmedBalanceRoundedDown() {
        // 10 % of 1,234,567 = 123,456.7 → 123,456
        Budget b = BudgetPolicy.percent(1000, 0).budget(1_234_567, 0, 0);
        assertEquals(123_456, b.amountSats());
        assertEquals(123_456, b.policySats());
        assertEquals(Budget.BudgetLimit.PERCENT_OF_BALANCE, b.limit());
    }

    @Test
    void shouldNeverBudgetMoreThanBalanceMinusReserveOwedAndCarried() {
        // fixed 500,000 asked; 600,000 − 50,000 reserve − 300,000 owed − 1,000 carried = 249,000 available
        Budget fixed = BudgetPolicy.fixed(500_000, 50_000).budget(600_000, 300_000, 1_000);
        assertEquals(249_000, fixed.amountSats());
        assertEquals(Budget.BudgetLimit.AVAILABLE_BALANCE, fixed.limit());
        assertEquals(500_000, fixed.policySats());
        // 50 % of 1,000,000 = 500,000 asked; 1,000,000 − 100,000 − 700,000 = 200,000 available
        Budget percent = BudgetPolicy.percent(5000, 100_000).budget(1_000_000, 700_000, 0);
        assertEquals(200_000, percent.amountSats());
        assertEquals(Budget.BudgetLimit.AVAILABLE_BALANCE, percent.limit());
    }

    @Test
    void shouldBudgetNothingNeverNegativeWhenDebtsAndReserveExceedTheBalance() {
        Budget b = BudgetPolicy.fixed(10_000, 100_000).budget(150_000, 60_000, 0);
        assertEquals(0, b.amountSats());
        assertEquals(0, b.availableSats());
        assertEquals(Budget.BudgetLimit.NOTHING_AVAILABLE, b.limit());
    }

    @Test
    void shouldHandleTheWholeBitcoinSupplyWithoutOverflow() {
        long supply = 2_100_000_000_000_000L;
        Budget b = BudgetPolicy.percent(10_000, Long.MAX_VALUE / 2).budget(supply, Long.MAX_VALUE / 2, supply);
        assertEquals(0, b.amountSats());
        Budget all = BudgetPolicy.percent(9999, 0).budget(supply, 0, 0);
        assertEquals(supply / 10_000 * 9999, all.amountSats());
    }

    @Test
    void shouldRefuseNonsensePolicies() {
        assertThrows(IllegalArgumentException.class, () -> BudgetPolicy.percent(10_001, 0));
        assertThrows(IllegalArgumentException.class, () -> BudgetPolicy.fixed(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> BudgetPolicy.fixed(1, 0).budget(-5, 0, 0));
    }

    @Test
    void shouldAskTheBudgetOfTheElapsedTimeOnceWhateverTheGridAcrossTenThousandRandomSplits() {
        java.util.Random random = new java.util.Random(20261206L);
        for (int run = 0; run < 10_000; run++) {
            BudgetPolicy policy = random.nextBoolean()
                    ? new BudgetPolicy(BudgetPolicy.Mode.FIXED, random.nextLong(0, 10_000_000_000L), 0, 0,
                            java.time.Duration.ofSeconds(random.nextLong(86_400, 5_000_000)))
                    : new BudgetPolicy(BudgetPolicy.Mode.PERCENT, 0, random.nextInt(0, 10_001), 0,
                            java.time.Duration.ofSeconds(random.nextLong(86_400, 5_000_000)));
            long balance = random.nextLong(0, 2_100_000_000_000_000L);
            java.time.Instant t0 = java.time.Instant.ofEpochSecond(random.nextLong(1_600_000_000L, 2_000_000_000L));
            java.time.Instant t = t0;
            long sum = 0;
            int pieces = 1 + random.nextInt(40);
            for (int p = 0; p < pieces; p++) {
                java.time.Instant next = t.plusSeconds(random.nextLong(1, 2_000_000));
                sum = Math.addExact(sum, policy.budget(balance, 0, 0, t, next).policySats());
                t = next;
            }
            long whole = policy.budget(balance, 0, 0, t0, t).policySats();
            assertEquals(whole, sum, "run " + run + ": " + pieces + " periods ask exactly what the whole time asks");
            long seconds = t.getEpochSecond() - t0.getEpochSecond();
            boolean fixed = policy.mode() == BudgetPolicy.Mode.FIXED;
            java.math.BigInteger exact = (fixed ? java.math.BigInteger.valueOf(policy.fixedSats())
                    : java.math.BigInteger.valueOf(balance).multiply(java.math.BigInteger.valueOf(policy.percentBp())))
                    .multiply(java.math.BigInteger.valueOf(seconds))
                    .divide(java.math.BigInteger.valueOf(policy.period().getSeconds() * (fixed ? 1 : 10_000)));
            assertTrue(Math.abs(whole - exact.longValueExact()) <= 1, "run " + run + ": the rate times the time, to a satoshi");
        }
    }

    @Test
    void shouldGiveAFiveMinuteEpochFiveMinutesOfAWeeklyBudget() {
        BudgetPolicy weekly = BudgetPolicy.percent(1000, 0);
        java.time.Instant start = java.time.Instant.parse("2026-11-23T06:00:00Z");
        Budget b = weekly.budget(108_895_112L, 0, 0, start, start.plusSeconds(300));
        // 10 % of 108,895,112 per week = 10,889,511.2; five minutes (300 of 604,800 s) of it = 5,401.5
        assertTrue(b.policySats() >= 5_401 && b.policySats() <= 5_402, "five minutes' worth, not a fresh 10 %: " + b.policySats());
    }
}
