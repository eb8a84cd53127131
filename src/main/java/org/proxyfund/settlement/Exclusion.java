package org.proxyfund.settlement;

/** Why an endpoint did not count in an epoch's shares; operator reasons are checked before endpoint reasons. */
public enum Exclusion {
    /** The operator's account is not APPROVED. */
    OPERATOR_NOT_APPROVED,
    /** The operator has no proven payout address. */
    ADDRESS_NOT_PROVEN,
    /** An open sybil flag holds the operator's pay. */
    HELD,
    /** No UP or DOWN check in the epoch (only UNKNOWN or none): nothing to judge, nothing paid. */
    NO_DATA,
    /** Recorded UP + DOWN below the coverage floor of the checks the schedule expected ({@link Coverage}). */
    LOW_COVERAGE,
    /** Uptime up/(up+down) below the threshold. */
    BELOW_THRESHOLD,
    /** Counted as up enough, but its protocol or region weight (or its uptime, at threshold 0) is zero. */
    ZERO_WEIGHT
}
