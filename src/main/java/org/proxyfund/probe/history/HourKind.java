package org.proxyfund.probe.history;

/** How one hour of the 7-day graph looked; each kind is drawn differently and named in words. */
public enum HourKind {
    /** Only UP checks (UNKNOWN ones may be mixed in). */
    UP,
    /** Only DOWN checks (UNKNOWN ones may be mixed in). */
    DOWN,
    /** Both UP and DOWN checks. */
    MIXED,
    /** Checks were made but the monitor could not tell (all UNKNOWN): not the operator's downtime. */
    UNKNOWN_ONLY,
    /** No check recorded for the hour. */
    NO_DATA
}
