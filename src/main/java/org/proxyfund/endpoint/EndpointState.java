package org.proxyfund.endpoint;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** An endpoint's standing with the admins; same table as operators: PENDING → APPROVED ⇄ SUSPENDED, PENDING → SUSPENDED. */
public enum EndpointState {
    PENDING, APPROVED, SUSPENDED;

    private static final Map<EndpointState, Set<EndpointState>> ALLOWED = Map.of(
            PENDING, EnumSet.of(APPROVED, SUSPENDED),
            APPROVED, EnumSet.of(SUSPENDED),
            SUSPENDED, EnumSet.of(APPROVED));

    public boolean canMoveTo(EndpointState next) {
        return ALLOWED.get(this).contains(next);
    }
}
