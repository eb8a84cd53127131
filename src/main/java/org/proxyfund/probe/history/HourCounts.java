package org.proxyfund.probe.history;

import java.time.Instant;

/** Check counts of one endpoint in one clock hour (UTC), as the hourly rollup holds them. */
public record HourCounts(Instant hourStart, int up, int down, int unknown, int weakUp) {

    /** An hour without a rollup row. */
    public static HourCounts none(Instant hourStart) {
        return new HourCounts(hourStart, 0, 0, 0, 0);
    }

    public HourKind kind() {
        if (up > 0 && down > 0) {
            return HourKind.MIXED;
        }
        if (up > 0) {
            return HourKind.UP;
        }
        if (down > 0) {
            return HourKind.DOWN;
        }
        return unknown > 0 ? HourKind.UNKNOWN_ONLY : HourKind.NO_DATA;
    }

    /** The hour's uptime, same rule as the windows. */
    public UptimeWindow uptime() {
        return new UptimeWindow(up, down, unknown, null, null);
    }
}
