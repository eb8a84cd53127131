package org.proxyfund.probe.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The last 168 clock hours (UTC) of one endpoint, oldest first, the current hour last; missing hours are NO_DATA. */
public record WeekSeries(long endpointId, List<HourCounts> hours) {

    /** Number of hourly points: 7 days. */
    public static final int HOURS = 168;

    public WeekSeries {
        if (hours.size() != HOURS) {
            throw new IllegalArgumentException("a week series has " + HOURS + " hours, not " + hours.size());
        }
        hours = List.copyOf(hours);
    }

    /** Fills the hours ending with {@code currentHour} from the rollup rows found (keyed by hour start). */
    static WeekSeries of(long endpointId, Instant currentHour, Map<Instant, HourCounts> rows) {
        List<HourCounts> hours = new ArrayList<>(HOURS);
        Instant first = currentHour.minus(Duration.ofHours(HOURS - 1));
        for (int i = 0; i < HOURS; i++) {
            Instant h = first.plus(Duration.ofHours(i));
            hours.add(rows.getOrDefault(h, HourCounts.none(h)));
        }
        return new WeekSeries(endpointId, hours);
    }

    /** Number of hours of the given kind. */
    public long count(HourKind kind) {
        return hours.stream().filter(h -> h.kind() == kind).count();
    }
}
