package org.proxyfund.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

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
}
