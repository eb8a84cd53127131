package org.proxyfund.settlement;

import java.time.Duration;
import java.time.Instant;

/**
 * Settlement against the configured calendar, for the admin page: the calendar, the latest settlement and the next
 * period. {@code transition} is true when the latest settlement did not end on a boundary of the calendar (its
 * length or anchor changed): the next period is then shortened to reach the calendar's next boundary.
 */
public record CalendarStatus(Duration epochLength, Instant anchor, String latestKey, Instant latestEnd, String nextKey,
        Instant nextStart, Instant nextEnd, boolean transition) {
}
