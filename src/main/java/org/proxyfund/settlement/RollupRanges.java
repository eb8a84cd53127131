package org.proxyfund.settlement;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Where an epoch's rollups are read from: the whole UTC days inside [start, end) from {@code check_rollup_daily}
 * ([dayFrom, dayTo)), the partial days at either edge from {@code check_rollup_hourly} ([start, dayFrom) and
 * [dayTo, end)). Calendars need not be day-aligned (e.g. PT6H epochs, or an anchor at 12:00), so the edges can be
 * anything from empty (a Monday-00:00 week) to the whole epoch (no whole day inside it: dayFrom = dayTo = end).
 * As before, an hour belongs to the epoch that contains its start.
 */
record RollupRanges(Instant start, Instant dayFrom, Instant dayTo, Instant end) {

    static RollupRanges of(Epoch epoch) {
        Instant firstDay = epoch.start().truncatedTo(ChronoUnit.DAYS);
        if (firstDay.isBefore(epoch.start())) {
            firstDay = firstDay.plus(1, ChronoUnit.DAYS);
        }
        Instant lastDay = epoch.end().truncatedTo(ChronoUnit.DAYS);
        if (!firstDay.isBefore(lastDay)) {
            return new RollupRanges(epoch.start(), epoch.end(), epoch.end(), epoch.end());
        }
        return new RollupRanges(epoch.start(), firstDay, lastDay, epoch.end());
    }
}
