package org.proxyfund.operator;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * An operator's standing. New accounts are PENDING; admins approve or suspend them. PENDING may go
 * straight to SUSPENDED so an admin can stop an abusive sign-up without approving it first; nothing
 * returns to PENDING, since approval is a decision on record, not a draft.
 */
public enum OperatorState {
    PENDING, APPROVED, SUSPENDED;

    private static final Map<OperatorState, Set<OperatorState>> ALLOWED = Map.of(
            PENDING, EnumSet.of(APPROVED, SUSPENDED),
            APPROVED, EnumSet.of(SUSPENDED),
            SUSPENDED, EnumSet.of(APPROVED));

    /** Whether the transition table allows moving from this state to {@code next}. */
    public boolean canMoveTo(OperatorState next) {
        return ALLOWED.get(this).contains(next);
    }
}
