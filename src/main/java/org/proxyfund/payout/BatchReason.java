package org.proxyfund.payout;

/** Why a command did not (fully) take effect; mapped to an HTTP status or a log line in one place later. */
public enum BatchReason {
    /** The batch's state does not allow the command (the transition table says no). */
    INVALID_STATE,
    /** An approval quoted a revision that is no longer the batch's. */
    OLD_REVISION,
    /** The same admin approved the same revision again. */
    ALREADY_APPROVED_BY_YOU,
    /** An approval was recorded, but the total is over the threshold: a second admin must approve. */
    NEEDS_SECOND_ADMIN,
    /** The chain does not yet show the required confirmations. */
    NOT_ENOUGH_CONFIRMATIONS,
    /** The txid is neither the batch's signed transaction nor a recorded replacement. */
    UNKNOWN_TXID,
    /** A plain failure after signing: the transaction may be on the network; only a confirmed conflict fails it. */
    MAY_ALREADY_BE_SENT,
    /** Text an admin gave is unusable (e.g. an empty reason). */
    INVALID_INPUT
}
