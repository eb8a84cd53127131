package org.proxyfund.status;

/** What a badge says, and its colour. */
enum BadgeState {
    MAINTENANCE("#1565c0"),
    UP("#2e7d32"),
    DOWN("#c62828"),
    STALE("#6d6d6d"),
    UNKNOWN("#6d6d6d"),
    NONE("#6d6d6d");

    final String colour;

    BadgeState(String colour) {
        this.colour = colour;
    }

    /** The badge of an endpoint's shown state (probe's CurrentCheck state: UP, DOWN, UNKNOWN, STALE, NONE). */
    static BadgeState of(String shown) {
        for (BadgeState s : values()) {
            if (s.name().equals(shown)) {
                return s;
            }
        }
        return UNKNOWN;
    }
}
