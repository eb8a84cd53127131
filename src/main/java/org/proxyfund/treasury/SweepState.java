package org.proxyfund.treasury;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A sweep from the hot wallet to a cold address: SIGNED (its bytes recorded before anything sends them) → BROADCAST →
 * CONFIRMED (at the required depth); CONFIRMED → BROADCAST when a reorg takes its block; FAILED only when a conflicting
 * transaction is confirmed to depth (then it can never confirm). One transition table, {@link #canMoveTo}.
 */
public enum SweepState {
    SIGNED, BROADCAST, CONFIRMED, FAILED;

    private static final Map<SweepState, Set<SweepState>> ALLOWED = new EnumMap<>(SweepState.class);

    static {
        ALLOWED.put(SIGNED, EnumSet.of(BROADCAST, CONFIRMED, FAILED));
        ALLOWED.put(BROADCAST, EnumSet.of(CONFIRMED, FAILED));
        ALLOWED.put(CONFIRMED, EnumSet.of(BROADCAST));
        ALLOWED.put(FAILED, EnumSet.noneOf(SweepState.class));
    }

    public boolean canMoveTo(SweepState next) {
        return ALLOWED.get(this).contains(next);
    }

    /** Whether the sweep may still move coins (it counts as in flight: no second sweep is planned meanwhile). */
    public boolean inFlight() {
        return this == SIGNED || this == BROADCAST;
    }
}
