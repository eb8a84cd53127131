package org.proxyfund.settlement;

import org.proxyfund.common.testing.PlainLane;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@PlainLane
class ShareCalculatorTest {

    private final ShareCalculator defaults = new ShareCalculator(ShareParameters.defaults());

    private static EpochUptime ep(long op, long id, long up, long down) {
        return new EpochUptime(op, id, "socks5", "de", up, down);
    }

    @Test
    void shouldCountExactlyNinetyPercentAndExcludeAnythingLess() {
        ShareResult r = defaults.calculate(1_000, 0,
                List.of(OperatorEligibility.eligible(1), OperatorEligibility.eligible(2), OperatorEligibility.eligible(3)),
                List.of(ep(1, 10, 9, 1), ep(2, 20, 8_999, 1_001), ep(3, 30, 0, 0)));
        assertTrue(r.of(1).endpoints().get(0).counted(), "9 of 10 = 90 % exactly counts");
        assertEquals(Exclusion.BELOW_THRESHOLD, r.of(2).endpoints().get(0).exclusion(), "89.99 % does not");
        assertEquals(Exclusion.NO_DATA, r.of(3).endpoints().get(0).exclusion());
        assertEquals(1_000, r.of(1).amountSats(), "the only counted endpoint takes the whole budget");
        assertEquals(0, r.of(2).amountSats());
        assertEquals(0, r.remainderSats());
    }

    @Test
    void shouldWeighByUptimeProtocolAndRegionAndRoundDownCarryingTheDust() {
        ShareParameters rules = new ShareParameters(9000, 1000, Map.of("wireguard", 1500), Map.of("ir", 2000), 0);
        ShareResult r = new ShareCalculator(rules).calculate(10_000, 0,
                List.of(OperatorEligibility.eligible(1), OperatorEligibility.eligible(2), OperatorEligibility.eligible(3)),
                List.of(new EpochUptime(1, 10, "wireguard", "ir", 10, 0), // 1.00 × 1.5 × 2.0 = 3.00
                        new EpochUptime(2, 20, "socks5", "de", 9, 1), //      0.90 × 1 × 1     = 0.90
                        new EpochUptime(3, 30, "socks5", "de", 19, 1))); //   0.95 × 1 × 1     = 0.95
        // total 4.85: 10,000 × 3/4.85 = 6185.57, × 0.9/4.85 = 1855.67, × 0.95/4.85 = 1958.76
        assertEquals(6_185, r.of(1).amountSats());
        assertEquals(1_855, r.of(2).amountSats());
        assertEquals(1_958, r.of(3).amountSats());
        assertEquals(2, r.remainderSats());
        assertEquals(10_000, r.paidSats() + r.remainderSats());
    }

    @Test
    void shouldSumAnOperatorsEndpointsAndGiveIneligibleOperatorsNothingWithTheirReason() {
        ShareResult r = defaults.calculate(9_000, 0,
                List.of(OperatorEligibility.eligible(1), new OperatorEligibility(2, false, true, false),
                        new OperatorEligibility(3, true, false, false), new OperatorEligibility(4, true, true, true)),
                List.of(ep(1, 11, 100, 0), ep(1, 12, 100, 0), ep(1, 13, 50, 50),
                        ep(2, 21, 100, 0), ep(3, 31, 100, 0), ep(4, 41, 100, 0)));
        assertEquals(9_000, r.of(1).amountSats());
        assertEquals(List.of(true, true, false), r.of(1).endpoints().stream().map(EndpointOutcome::counted).toList());
        assertEquals(Exclusion.OPERATOR_NOT_APPROVED, r.of(2).endpoints().get(0).exclusion());
        assertEquals(Exclusion.ADDRESS_NOT_PROVEN, r.of(3).endpoints().get(0).exclusion());
        assertEquals(Exclusion.HELD, r.of(4).endpoints().get(0).exclusion());
        assertEquals(0, r.of(2).amountSats() + r.of(3).amountSats() + r.of(4).amountSats());
    }

    @Test
    void shouldRedistributeWhatTheCapCutsOffToUncappedOperators() {
        // weights 6 : 3 : 1 of 10,000 → 6,000 / 3,000 / 1,000; cap 5,000 → 5,000, then 5,000 split 3 : 1
        ShareCalculator capped = new ShareCalculator(new ShareParameters(9000, 1000, Map.of(), Map.of(), 5_000));
        ShareResult r = capped.calculate(10_000, 0, threeOperators(), endpoints(6, 3, 1));
        assertEquals(5_000, r.of(1).amountSats());
        assertTrue(r.of(1).capped());
        assertEquals(3_750, r.of(2).amountSats());
        assertEquals(1_250, r.of(3).amountSats());
        assertFalse(r.of(2).capped());
        assertEquals(0, r.remainderSats());
    }

    @Test
    void shouldCarryTheExcessOnlyWhenEveryPaidOperatorIsCapped() {
        // cap 3,000: op1 capped (6,000); 7,000 left 3 : 1 → op2 5,250 capped; 4,000 left → op3 capped; 1,000 carried
        ShareCalculator capped = new ShareCalculator(new ShareParameters(9000, 1000, Map.of(), Map.of(), 3_000));
        ShareResult r = capped.calculate(10_000, 0, threeOperators(), endpoints(6, 3, 1));
        assertEquals(List.of(3_000L, 3_000L, 3_000L), r.shares().stream().map(OperatorShare::amountSats).toList());
        assertEquals(1_000, r.remainderSats());
    }

    @Test
    void shouldCarryTheRemainderAcrossEpochsUntilItIsPaid() {
        List<OperatorEligibility> ops = threeOperators();
        List<EpochUptime> eps = endpoints(1, 1, 1);
        ShareResult first = defaults.calculate(100, 0, ops, eps);
        assertEquals(List.of(33L, 33L, 33L), first.shares().stream().map(OperatorShare::amountSats).toList());
        assertEquals(1, first.remainderSats());
        ShareResult second = defaults.calculate(100, first.remainderSats(), ops, eps);
        assertEquals(List.of(33L, 33L, 33L), second.shares().stream().map(OperatorShare::amountSats).toList());
        assertEquals(2, second.remainderSats());
        ShareResult third = defaults.calculate(100, second.remainderSats(), ops, eps);
        assertEquals(List.of(34L, 34L, 34L), third.shares().stream().map(OperatorShare::amountSats).toList());
        assertEquals(0, third.remainderSats());
    }

    @Test
    void shouldCarryTheWholePoolWhenNobodyIsEligible() {
        ShareResult r = defaults.calculate(5_000, 7, List.of(new OperatorEligibility(1, true, true, true)),
                List.of(ep(1, 10, 10, 0)));
        assertEquals(0, r.paidSats());
        assertEquals(5_007, r.remainderSats());
    }

    @Test
    void shouldStayExactAtTheLargestCheckCountsAndWeights() {
        int max = ShareParameters.MAX_WEIGHT;
        ShareParameters rules = new ShareParameters(9000, max, Map.of("half", max / 2), Map.of(), 0);
        long most = EpochUptime.MAX_CHECKS;
        ShareResult r = new ShareCalculator(rules).calculate(2_100_000_000_000_000L, 0,
                List.of(OperatorEligibility.eligible(1), OperatorEligibility.eligible(2)),
                List.of(new EpochUptime(1, 1, "full", "x", most, 0), new EpochUptime(2, 2, "half", "x", most, 0)));
        assertEquals(1_400_000_000_000_000L, r.of(1).amountSats(), "weight 2 of 3");
        assertEquals(700_000_000_000_000L, r.of(2).amountSats(), "weight 1 of 3");
        assertEquals(0, r.remainderSats());
    }

    @Test
    void shouldRefuseEndpointsOfUnknownOperatorsAndDuplicates() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> defaults.calculate(1, 0, List.of(), List.of(ep(9, 1, 1, 0))));
        assertTrue(unknown.getMessage().contains("operator 9"));
        assertThrows(IllegalArgumentException.class, () -> defaults.calculate(1, 0,
                List.of(OperatorEligibility.eligible(1)), List.of(ep(1, 1, 1, 0), ep(1, 1, 1, 0))));
    }

    private static List<OperatorEligibility> threeOperators() {
        return List.of(OperatorEligibility.eligible(1), OperatorEligibility.eligible(2), OperatorEligibility.eligible(3));
    }

    /** Operator i+1 gets counts[i] endpoints at 100 % uptime. */
    private static List<EpochUptime> endpoints(int... counts) {
        List<EpochUptime> list = new ArrayList<>();
        for (int op = 0; op < counts.length; op++) {
            for (int k = 0; k < counts[op]; k++) {
                list.add(ep(op + 1, (op + 1) * 100L + k, 24, 0));
            }
        }
        return list;
    }
}
