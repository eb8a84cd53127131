package org.proxyfund.probe.history;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Where the rollups of a span [start, end) are read from: the whole UTC days inside it from {@code check_rollup_daily}
 * ([dayFrom, dayTo)), the partial days at either edge from {@code check_rollup_hourly} ([start, dayFrom) and
 * [dayTo, end)). Settlement calendars need not be day-aligned (e.g. PT6H epochs, or an anchor at 12:00), so the edges
 * can be anything from empty (a Monday-00:00 week) to the whole span (no whole day inside it: dayFrom = dayTo = end).
 * An hour belongs to the span that contains its start.
 */
public record RollupRanges(Instant start, Instant dayFrom, Instant dayTo, Instant end) {

    /** The ranges of [start, end). */
    public static RollupRanges of(Instant start, Instant end) {
        Instant firstDay = start.truncatedTo(ChronoUnit.DAYS);
        if (firstDay.isBefore(start)) {
            firstDay = firstDay.plus(1, ChronoUnit.DAYS);
        }
        Instant lastDay = end.truncatedTo(ChronoUnit.DAYS);
        if (!firstDay.isBefore(lastDay)) {
            return new RollupRanges(start, end, end, end);
        }
        return new RollupRanges(start, firstDay, lastDay, end);
    }
}
