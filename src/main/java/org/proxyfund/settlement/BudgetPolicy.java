package org.proxyfund.settlement;

import java.math.BigInteger;

/**
 * Decides an epoch's budget: a fixed amount or a percentage (basis points, rounded down) of the confirmed balance,
 * never more than confirmed balance − reserve − already owed to operators − the remainder carried from the previous
 * epoch, and never negative.
 *
 * <p>The carried remainder is subtracted because it is already set aside: it is distributed on top of the new
 * budget, so budget + carried never exceeds what the wallet can pay beyond the reserve and existing debts.
 */
public record BudgetPolicy(Mode mode, long fixedSats, int percentBp, long reserveSats) {

    /** How the policy sizes the budget. */
    public enum Mode {
        /** A fixed number of satoshis per epoch. */
        FIXED,
        /** Basis points of the confirmed balance. */
        PERCENT
    }

    public BudgetPolicy {
        if (mode == null) {
            throw new IllegalArgumentException("budget mode is required (FIXED or PERCENT)");
        }
        if (fixedSats < 0) {
            throw new IllegalArgumentException("fixed budget must not be negative, got " + fixedSats);
        }
        if (percentBp < 0 || percentBp > 10_000) {
            throw new IllegalArgumentException("budget percentage must be 0..10000 basis points, got " + percentBp);
        }
        if (reserveSats < 0) {
            throw new IllegalArgumentException("reserve must not be negative, got " + reserveSats);
        }
    }

    /** A fixed amount per epoch. */
    public static BudgetPolicy fixed(long sats, long reserveSats) {
        return new BudgetPolicy(Mode.FIXED, sats, 0, reserveSats);
    }

    /** A percentage (basis points) of the confirmed balance per epoch. */
    public static BudgetPolicy percent(int basisPoints, long reserveSats) {
        return new BudgetPolicy(Mode.PERCENT, 0, basisPoints, reserveSats);
    }

    /** The policy configured in {@code proxyfund.settlement.*}. */
    public static BudgetPolicy from(SettlementConfig config) {
        return new BudgetPolicy(config.budgetMode(), config.budgetFixedSats(), config.budgetPercentBp(),
                config.reserveSats());
    }

    /**
     * The budget for an epoch given the wallet's confirmed balance, what is already owed to operators and the
     * remainder carried from the previous epoch (all satoshis, none negative).
     */
    public Budget budget(long confirmedBalanceSats, long owedSats, long carriedSats) {
        requireNonNegative("confirmed balance", confirmedBalanceSats);
        requireNonNegative("owed to operators", owedSats);
        requireNonNegative("carried remainder", carriedSats);
        // BigInteger: the sum of the deductions and balance × basis points can both exceed a long.
        BigInteger available = BigInteger.valueOf(confirmedBalanceSats).subtract(BigInteger.valueOf(reserveSats))
                .subtract(BigInteger.valueOf(owedSats)).subtract(BigInteger.valueOf(carriedSats)).max(BigInteger.ZERO);
        long availableSats = available.longValueExact();
        long policySats = mode == Mode.FIXED ? fixedSats
                : BigInteger.valueOf(confirmedBalanceSats).multiply(BigInteger.valueOf(percentBp))
                        .divide(BigInteger.valueOf(10_000)).longValueExact();
        Budget.BudgetLimit limit;
        long amount;
        if (availableSats == 0) {
            limit = Budget.BudgetLimit.NOTHING_AVAILABLE;
            amount = 0;
        } else if (policySats > availableSats) {
            limit = Budget.BudgetLimit.AVAILABLE_BALANCE;
            amount = availableSats;
        } else {
            limit = mode == Mode.FIXED ? Budget.BudgetLimit.FIXED_AMOUNT : Budget.BudgetLimit.PERCENT_OF_BALANCE;
            amount = policySats;
        }
        return new Budget(amount, limit, confirmedBalanceSats, reserveSats, owedSats, carriedSats, availableSats,
                policySats);
    }

    private static void requireNonNegative(String what, long sats) {
        if (sats < 0) {
            throw new IllegalArgumentException(what + " must not be negative, got " + sats);
        }
    }
}
