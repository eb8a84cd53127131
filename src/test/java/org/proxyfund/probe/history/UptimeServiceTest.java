package org.proxyfund.probe.history;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Uptime windows, latency and the hourly series from rollup rows in a real PostgreSQL. */
@QuarkusTest
class UptimeServiceTest {

    /** Half past an hour, so window edges fall on whole hours before it. */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofMinutes(30));
    private static final Instant HOUR = NOW.truncatedTo(ChronoUnit.HOURS);

    @Inject
    UptimeService uptime;

    @Inject
    DataSource ds;

    private static Instant hoursAgo(int h) {
        return HOUR.minus(Duration.ofHours(h));
    }

    @Test
    void shouldExcludeUnknownChecksAndPlaceEachRowInTheWindowsItFallsIn() {
        var op = HistoryFixtures.operator("up-math");
        long id = op.endpoint("math");
        HistoryFixtures.rollup(ds, id, hoursAgo(0), 50, 10, 100, 120, 300);   // current hour: all windows
        HistoryFixtures.rollup(ds, id, hoursAgo(23), 10, 0, 0, 80, 90);       // oldest hour of the 24 h window
        HistoryFixtures.rollup(ds, id, hoursAgo(24), 0, 5, 0, null, null);    // just outside 24 h, inside 7 d
        HistoryFixtures.rollup(ds, id, hoursAgo(25), 0, 60, 3, null, null);   // 25 h old: 7 d, not 24 h
        HistoryFixtures.rollup(ds, id, hoursAgo(167), 1, 1, 0, 50, 60);       // oldest hour of 7 d
        HistoryFixtures.rollup(ds, id, hoursAgo(168), 0, 40, 0, null, null);  // 30 d only
        HistoryFixtures.rollup(ds, id, hoursAgo(719), 7, 0, 0, 40, 40);       // oldest hour of 30 d
        HistoryFixtures.rollup(ds, id, hoursAgo(720), 1000, 0, 0, 10, 10);    // too old for every window
        HistoryFixtures.rollup(ds, id, HOUR.plus(Duration.ofHours(1)), 1000, 0, 0, 10, 10); // in the future: ignored

        EndpointUptime u = uptime.uptime(id, NOW);
        // Latency: hourly p50s (p95s) averaged, weighted by each hour's UP checks, rounded down.
        assertEquals(new UptimeWindow(60, 10, 100, (120 * 50 + 80 * 10) / 60, (300 * 50 + 90 * 10) / 60), u.h24());
        assertEquals(Integer.valueOf((int) (60L * 10_000 / 70)), u.h24().basisPoints());
        assertEquals("85.71 %", u.h24().percent());
        assertEquals(61, u.d7().up());
        assertEquals(76, u.d7().down());
        assertEquals(103, u.d7().unknown());
        assertEquals(Integer.valueOf((int) (61L * 10_000 / 137)), u.d7().basisPoints());
        assertEquals(68, u.d30().up());
        assertEquals(116, u.d30().down());
        assertEquals(Integer.valueOf((int) (68L * 10_000 / 184)), u.d30().basisPoints());
        assertEquals((120 * 50 + 80 * 10 + 50) / 61, u.d7().p50Ms());
        assertEquals((300 * 50 + 90 * 10 + 60) / 61, u.d7().p95Ms());
        assertEquals((120 * 50 + 80 * 10 + 50 + 40 * 7) / 68, u.d30().p50Ms());
        assertEquals((300 * 50 + 90 * 10 + 60 + 40 * 7) / 68, u.d30().p95Ms());
    }

    @Test
    void shouldReportNoDataRatherThanZeroOrFullUptime() {
        var op = HistoryFixtures.operator("up-none");
        long silent = op.endpoint("silent");
        long unknownOnly = op.endpoint("unknown only");
        HistoryFixtures.rollup(ds, unknownOnly, hoursAgo(2), 0, 0, 60, null, null);
        for (long id : new long[]{silent, unknownOnly}) {
            EndpointUptime u = uptime.uptime(id, NOW);
            for (UptimeWindow w : new UptimeWindow[]{u.h24(), u.d7(), u.d30()}) {
                assertFalse(w.hasData());
                assertNull(w.basisPoints());
                assertNull(w.percent());
                assertNull(w.p50Ms());
            }
        }
        assertEquals(60, uptime.uptime(unknownOnly, NOW).h24().unknown());
        assertEquals(EndpointUptime.empty(Long.MAX_VALUE), uptime.uptime(Long.MAX_VALUE, NOW));
    }

    @Test
    void shouldGiveTheSameWindowsBatchedAsOneByOne() {
        var op = HistoryFixtures.operator("up-batch");
        long a = op.endpoint("a");
        long b = op.endpoint("b");
        long c = op.endpoint("c");
        HistoryFixtures.rollup(ds, a, hoursAgo(1), 60, 0, 0, 30, 40);
        HistoryFixtures.rollup(ds, a, hoursAgo(30), 30, 30, 0, 35, 90);
        HistoryFixtures.rollup(ds, b, hoursAgo(3), 1, 59, 0, 500, 900);
        HistoryFixtures.rollup(ds, b, hoursAgo(400), 0, 0, 60, null, null);
        Map<Long, EndpointUptime> mine = uptime.forAccount(op.accountId(), NOW);
        Map<Long, EndpointUptime> all = uptime.forAll(NOW);
        assertEquals(java.util.List.of(a, b, c), java.util.List.copyOf(mine.keySet()));
        for (long id : new long[]{a, b, c}) {
            assertEquals(uptime.uptime(id, NOW), mine.get(id));
            assertEquals(uptime.uptime(id, NOW), all.get(id));
        }
        assertTrue(mine.get(a).h24().hasData());
        assertFalse(mine.get(c).d30().hasData());
    }

    @Test
    void shouldFill168HoursOldestFirstWithMissingHoursAsNoData() {
        var op = HistoryFixtures.operator("up-series");
        long id = op.endpoint("series");
        HistoryFixtures.rollup(ds, id, hoursAgo(0), 3, 0, 1, 10, 10);
        HistoryFixtures.rollup(ds, id, hoursAgo(1), 0, 4, 0, null, null);
        HistoryFixtures.rollup(ds, id, hoursAgo(2), 2, 2, 0, 10, 10);
        HistoryFixtures.rollup(ds, id, hoursAgo(3), 0, 0, 5, null, null);
        HistoryFixtures.rollup(ds, id, hoursAgo(167), 1, 0, 0, 10, 10);
        HistoryFixtures.rollup(ds, id, hoursAgo(168), 0, 9, 0, null, null); // one hour too old for the graph
        WeekSeries s = uptime.series(id, NOW);
        assertEquals(168, s.hours().size());
        assertEquals(hoursAgo(167), s.hours().get(0).hourStart());
        assertEquals(HOUR, s.hours().get(167).hourStart());
        assertEquals(HourKind.UP, s.hours().get(0).kind());
        assertEquals(HourKind.UNKNOWN_ONLY, s.hours().get(164).kind());
        assertEquals(HourKind.MIXED, s.hours().get(165).kind());
        assertEquals(HourKind.DOWN, s.hours().get(166).kind());
        assertEquals(HourKind.UP, s.hours().get(167).kind());
        assertEquals(163, s.count(HourKind.NO_DATA));
        assertEquals(s, uptime.seriesForAccount(op.accountId(), NOW).get(id));
    }
}
