package org.proxyfund.operator;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where an operator's payout address stands. A new address is UNPROVEN until a valid signature over its challenge makes
 * it PROVEN; a later valid signature over the same challenge proves it again (PROVEN to PROVEN: the newer proof is the one
 * kept). Setting another address makes the current one REPLACED, proven or not. REPLACED is final: a proof never
 * carries over to a new address, and an old address never comes back (the operator sets it again and proves it again).
 * Stored as the enum's name, which the CHECK of {@code payout_address.state} lists.
 */
public enum PayoutAddressState {
    UNPROVEN, PROVEN, REPLACED;

    private static final Map<PayoutAddressState, Set<PayoutAddressState>> ALLOWED = Map.of(
            UNPROVEN, EnumSet.of(PROVEN, REPLACED),
            PROVEN, EnumSet.of(PROVEN, REPLACED),
            REPLACED, EnumSet.noneOf(PayoutAddressState.class));

    /** Whether the transition table allows moving from this state to {@code next}. */
    public boolean canMoveTo(PayoutAddressState next) {
        return ALLOWED.get(this).contains(next);
    }
}
