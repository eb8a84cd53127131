package org.proxyfund.settlement;

/**
 * The budget of one epoch with the inputs it came from and the limit that bound it, so it can be stored with the
 * settlement and shown to admins.
 *
 * @param amountSats         satoshis to distribute this epoch (never negative)
 * @param limit              which rule decided {@code amountSats}
 * @param confirmedBalanceSats wallet balance used (confirmed only)
 * @param reserveSats        reserve kept out of every budget
 * @param owedSats           already owed to operators (payable, not yet paid)
 * @param carriedSats        remainder carried from the previous epoch (set aside, distributed on top of this budget)
 * @param availableSats      confirmed − reserve − owed − carried, floored at 0: the most any budget may be
 * @param policySats         what the policy asked for before the availability limit (fixed amount or percentage)
 */
public record Budget(long amountSats, BudgetLimit limit, long confirmedBalanceSats, long reserveSats, long owedSats,
        long carriedSats, long availableSats, long policySats) {

    /** Which rule decided the budget. */
    public enum BudgetLimit {
        /** The fixed amount per epoch fitted within what is available. */
        FIXED_AMOUNT,
        /** The percentage of the confirmed balance fitted within what is available. */
        PERCENT_OF_BALANCE,
        /** The policy asked for more than balance − reserve − owed − carried; the budget is all that is available. */
        AVAILABLE_BALANCE,
        /** Nothing is available (balance at or below reserve + owed + carried): the budget is 0. */
        NOTHING_AVAILABLE
    }
}
