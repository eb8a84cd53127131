package org.proxyfund.settlement;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Decides an epoch's budget: a fixed amount or a percentage (basis points, rounded down) of the confirmed balance,
 * never more than confirmed balance − reserve − already owed to operators − the remainder carried from the previous
 * epoch, and never negative.
 *
 * <p>The carried remainder is subtracted because it is already set aside: it is distributed on top of the new
 * budget, so budget + carried never exceeds what the wallet can pay beyond the reserve and existing debts.
 *
 * <p>The amount is per {@code period} of elapsed time, not per epoch: a settled interval [start, end) asks for
 * ⌊rate × end⌋ − ⌊rate × start⌋ (instants in seconds since 1970), so consecutive intervals of any lengths, on any
 * grid, ask together for exactly what one interval over the whole time would. A five-minute epoch takes five
 * minutes' worth, and switching from weekly to daily epochs does not take a week's budget every day.
 */
public record BudgetPolicy(Mode mode, long fixedSats, int percentBp, long reserveSats, Duration period) {

    /** The default budget period: a week (the default epoch length). */
    public static final Duration DEFAULT_PERIOD = Duration.ofDays(7);

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
        Objects.requireNonNull(period, "budget period");
        if (period.getSeconds() < 1 || period.getNano() != 0) {
            throw new IllegalArgumentException("budget period must be whole seconds and at least 1 s, got " + period);
        }
    }

    /** A fixed amount per epoch. */
    public static BudgetPolicy fixed(long sats, long reserveSats) {
        return new BudgetPolicy(Mode.FIXED, sats, 0, reserveSats, DEFAULT_PERIOD);
    }

    /** A percentage (basis points) of the confirmed balance per epoch. */
    public static BudgetPolicy percent(int basisPoints, long reserveSats) {
        return new BudgetPolicy(Mode.PERCENT, 0, basisPoints, reserveSats, DEFAULT_PERIOD);
    }

    /** The policy configured in {@code proxyfund.settlement.*}. */
    public static BudgetPolicy from(SettlementConfig config) {
        return new BudgetPolicy(config.budgetMode(), config.budgetFixedSats(), config.budgetPercentBp(),
                config.reserveSats(), EpochCalendar.parseLength(config.budgetPeriod()));
    }

    /**
     * The budget for one whole {@link #period()} given the wallet's confirmed balance, what is already owed to
     * operators and the remainder carried from the previous epoch (all satoshis, none negative).
     */
    public Budget budget(long confirmedBalanceSats, long owedSats, long carriedSats) {
        long policySats = mode == Mode.FIXED ? fixedSats
                : BigInteger.valueOf(confirmedBalanceSats).multiply(BigInteger.valueOf(percentBp))
                        .divide(BigInteger.valueOf(10_000)).longValueExact();
        return decide(policySats, confirmedBalanceSats, owedSats, carriedSats);
    }

    /**
     * The budget for the elapsed time [start, end): the policy's rate per period times the time, as the difference
     * of the rounded-down totals at both ends, so adjacent intervals never ask for the same time twice and lose at
     * most nothing to rounding between them.
     */
    public Budget budget(long confirmedBalanceSats, long owedSats, long carriedSats, Instant start, Instant end) {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("budget interval must not be empty: " + start + " .. " + end);
        }
        requireNonNegative("confirmed balance", confirmedBalanceSats);
        BigInteger numerator = mode == Mode.FIXED ? BigInteger.valueOf(fixedSats)
                : BigInteger.valueOf(confirmedBalanceSats).multiply(BigInteger.valueOf(percentBp));
        BigInteger denominator = BigInteger.valueOf(period.getSeconds())
                .multiply(BigInteger.valueOf(mode == Mode.FIXED ? 1 : 10_000));
        long policySats = accrued(numerator, denominator, end).subtract(accrued(numerator, denominator, start))
                .longValueExact();
        return decide(policySats, confirmedBalanceSats, owedSats, carriedSats);
    }

    /** ⌊numerator × t / denominator⌋ with t in seconds since 1970 (floor also before 1970). */
    private static BigInteger accrued(BigInteger numerator, BigInteger denominator, Instant t) {
        BigInteger[] qr = numerator.multiply(BigInteger.valueOf(t.getEpochSecond())).divideAndRemainder(denominator);
        return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    private Budget decide(long policySats, long confirmedBalanceSats, long owedSats, long carriedSats) {
        requireNonNegative("confirmed balance", confirmedBalanceSats);
        requireNonNegative("owed to operators", owedSats);
        requireNonNegative("carried remainder", carriedSats);
        // BigInteger: the sum of the deductions and balance × basis points can both exceed a long.
        BigInteger available = BigInteger.valueOf(confirmedBalanceSats).subtract(BigInteger.valueOf(reserveSats))
                .subtract(BigInteger.valueOf(owedSats)).subtract(BigInteger.valueOf(carriedSats)).max(BigInteger.ZERO);
        long availableSats = available.longValueExact();
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
