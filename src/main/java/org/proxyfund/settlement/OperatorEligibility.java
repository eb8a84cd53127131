package org.proxyfund.settlement;

/**
 * Whether an operator may be paid this epoch: account APPROVED, payout address proven, and not held by an open
 * sybil flag. An operator failing any of these gets 0 and every endpoint of theirs is excluded with the reason.
 */
public record OperatorEligibility(long operatorId, boolean approved, boolean addressProven, boolean held) {

    /** An approved operator with a proven address and no hold. */
    public static OperatorEligibility eligible(long operatorId) {
        return new OperatorEligibility(operatorId, true, true, false);
    }

    /** The first reason this operator cannot be paid, or null when eligible. */
    public Exclusion exclusion() {
        if (!approved) {
            return Exclusion.OPERATOR_NOT_APPROVED;
        }
        if (!addressProven) {
            return Exclusion.ADDRESS_NOT_PROVEN;
        }
        return held ? Exclusion.HELD : null;
    }
}
