package org.proxyfund.settlement;

import org.proxyfund.common.testing.PlainLane;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

@PlainLane
class EpochCalendarTest {

    private final EpochCalendar weekly = EpochCalendar.weekly();

    @Test
    void shouldStartANewWeekExactlyAtMondayMidnightUtc() {
        Instant monday = Instant.parse("2026-11-16T00:00:00Z");
        Epoch week = weekly.epochContaining(monday);
        assertEquals(monday, week.start());
        assertEquals(Instant.parse("2026-11-23T00:00:00Z"), week.end());
        assertEquals("2026-W47", week.key());
        Epoch before = weekly.epochContaining(monday.minusNanos(1));
        assertEquals("2026-W46", before.key());
        assertEquals(monday, before.end(), "half-open: the previous epoch ends where this one starts");
        assertFalse(before.contains(monday));
        assertTrue(week.contains(monday));
        assertFalse(week.contains(week.end()));
        assertEquals(before, weekly.previous(week));
        assertEquals(week, weekly.next(before));
    }

    @Test
    void shouldKeyTheWeekAcrossYearEndByItsIsoWeekYear() {
        // 2026 has 53 ISO weeks: Monday 2026-12-28 starts 2026-W53, which holds 2027-01-01 too
        Epoch newYear = weekly.epochContaining(Instant.parse("2027-01-01T00:00:00Z"));
        assertEquals(Instant.parse("2026-12-28T00:00:00Z"), newYear.start());
        assertEquals("2026-W53", newYear.key());
        assertEquals("2027-W01", weekly.next(newYear).key());
        assertEquals(Instant.parse("2027-01-04T00:00:00Z"), weekly.next(newYear).start());
        assertEquals("2025-W01", weekly.epochContaining(Instant.parse("2024-12-31T23:59:59Z")).key(),
                "Tuesday 2024-12-31 lies in ISO week 1 of 2025");
    }

    @Test
    void shouldGiveEveryInstantOneEpochWithUniqueKeysOverYearsIncludingBeforeTheAnchor() {
        Set<String> keys = new HashSet<>();
        Epoch e = weekly.epochContaining(Instant.parse("2023-06-01T12:00:00Z"));
        assertTrue(e.index() < 0);
        for (int i = 0; i < 600; i++) {
            assertTrue(keys.add(e.key()), "duplicate key " + e.key());
            assertEquals(Duration.ofDays(7), Duration.between(e.start(), e.end()));
            assertEquals(e, weekly.epochContaining(e.start()));
            assertEquals(e, weekly.epochContaining(e.end().minusNanos(1)));
            e = weekly.next(e);
        }
    }

    @Test
    void shouldKeepDailyEpochsTwentyFourHoursFromAnAnchorAcrossDaylightSavingDates() {
        EpochCalendar daily = new EpochCalendar(EpochCalendar.parseLength("P1D"), Instant.parse("2026-01-01T06:00:00Z"));
        // 2026-03-29 is the EU spring-forward date; UTC epochs ignore it
        Epoch e = daily.epochContaining(Instant.parse("2026-03-29T05:59:59Z"));
        assertEquals(Instant.parse("2026-03-28T06:00:00Z"), e.start());
        assertEquals(Instant.parse("2026-03-29T06:00:00Z"), e.end());
        assertEquals("2026-03-28T06:00:00Z", e.key());
        assertEquals(86, e.index());
        assertEquals(Instant.parse("2026-03-27T06:00:00Z"), daily.previous(e).start());
    }

    @Test
    void shouldParseWeeksDaysAndDurationsAndRefuseMonths() {
        assertEquals(Duration.ofDays(7), EpochCalendar.parseLength("P1W"));
        assertEquals(Duration.ofDays(14), EpochCalendar.parseLength("P2W"));
        assertEquals(Duration.ofDays(1), EpochCalendar.parseLength("P1D"));
        assertEquals(Duration.ofHours(6), EpochCalendar.parseLength("PT6H"));
        IllegalArgumentException months = assertThrows(IllegalArgumentException.class,
                () -> EpochCalendar.parseLength("P1M"));
        assertTrue(months.getMessage().contains("P1M"));
        assertThrows(IllegalArgumentException.class, () -> EpochCalendar.parseLength("weekly"));
        assertThrows(IllegalArgumentException.class, () -> new EpochCalendar(Duration.ZERO, Instant.EPOCH));
    }

    @Test
    void shouldKeyNonMondayWeeklyCalendarsByStartInstant() {
        EpochCalendar sundays = new EpochCalendar(Duration.ofDays(7), Instant.parse("2026-11-15T00:00:00Z"));
        assertEquals("2026-11-22T00:00:00Z", sundays.epochContaining(Instant.parse("2026-11-22T00:00:00Z")).key());
    }
}
