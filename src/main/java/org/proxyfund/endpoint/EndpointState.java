package org.proxyfund.endpoint;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * An endpoint's standing. Admins move it PENDING → APPROVED ⇄ SUSPENDED (and PENDING → SUSPENDED), the same table as
 * operators; the operator may retire it from any of those, and RETIRED is final: never checked or paid again, its
 * history kept.
 */
public enum EndpointState {
    PENDING, APPROVED, SUSPENDED, RETIRED;

    private static final Map<EndpointState, Set<EndpointState>> ALLOWED = Map.of(
            PENDING, EnumSet.of(APPROVED, SUSPENDED, RETIRED),
            APPROVED, EnumSet.of(SUSPENDED, RETIRED),
            SUSPENDED, EnumSet.of(APPROVED, RETIRED),
            RETIRED, EnumSet.noneOf(EndpointState.class));

    public boolean canMoveTo(EndpointState next) {
        return ALLOWED.get(this).contains(next);
    }

    /** Still the operator's: counted against the limit, holding its address. */
    public boolean live() {
        return this != RETIRED;
    }
}
