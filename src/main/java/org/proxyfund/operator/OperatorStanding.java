package org.proxyfund.operator;

/**
 * What settlement and payout need to know of an account to pay it: APPROVED, an operator (not an admin), and its
 * PROVEN payout address (null while it has none).
 */
public record OperatorStanding(long accountId, boolean approved, boolean operator, String provenAddress) {

    /** True when the account has a proven payout address. */
    public boolean addressProven() {
        return provenAddress != null;
    }
}
