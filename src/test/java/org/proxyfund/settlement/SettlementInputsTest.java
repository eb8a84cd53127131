package org.proxyfund.settlement;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.proxyfund.probe.history.RollupRanges;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proxyfund.settlement.SettlementFixtures.*;

/**
 * The epoch's inputs read whole days from {@code check_rollup_daily} and the partial-day edges from the hours: for
 * calendars aligned to weeks, to hours only, to nothing, and with no whole day inside the epoch, they must be what
 * summing the hourly rows with {@code hour_start} in [start, end) gives.
 */
@QuarkusTest
class SettlementInputsTest {

    @Inject
    EpochInputs repo;

    @Inject
    DataSource ds;

    @AfterEach
    void tearDown() {
        exec(ds, "DELETE FROM endpoint WHERE host LIKE 'settle-%.example'");
    }

    @Test
    void shouldSumTheHourlyRowsOfAWeekAlignedToDays() {
        assertInputsAsFromHours(EpochCalendar.weekly().epochContaining(Instant.parse("2023-05-10T00:00:00Z")));
    }

    @Test
    void shouldSumTheHourlyRowsOfAnEpochWithHourAlignedEdges() {
        // 13:00 to 01:00 two and a half days later: 11 hours, a whole day, another whole day, 1 hour
        Epoch e = new EpochCalendar(Duration.ofHours(60), Instant.parse("2024-01-01T13:00:00Z"))
                .epochContaining(Instant.parse("2023-06-14T00:00:00Z"));
        assertTrue(e.start().atZone(ZoneOffset.UTC).getHour() != 0 && e.end().atZone(ZoneOffset.UTC).getHour() != 0);
        assertEquals(List.of(e.start(), e.start().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1)),
                e.end().truncatedTo(ChronoUnit.DAYS), e.end()), ranges(e));
        assertInputsAsFromHours(e);
    }

    @Test
    void shouldSumTheHourlyRowsOfAnEpochEndingMidHour() {
        // 13:30 edges: the hour starting 13:00 belongs to the epoch before, the one starting 14:00 to this one
        assertInputsAsFromHours(new EpochCalendar(Duration.ofHours(50), Instant.parse("2024-01-01T13:30:00Z"))
                .epochContaining(Instant.parse("2023-07-20T00:00:00Z")));
    }

    @Test
    void shouldSumTheHourlyRowsOfAnEpochWithoutAWholeDay() {
        Epoch e = new EpochCalendar(Duration.ofHours(6), EpochCalendar.DEFAULT_ANCHOR).epochContaining(Instant.parse("2023-08-02T07:00:00Z"));
        assertEquals(List.of(e.start(), e.end(), e.end(), e.end()), ranges(e), "all of it from the hours");
        assertInputsAsFromHours(e);
    }

    private static List<Instant> ranges(Epoch e) {
        RollupRanges r = RollupRanges.of(e.start(), e.end());
        return List.of(r.start(), r.dayFrom(), r.dayTo(), r.end());
    }

    /**
     * Three endpoints: one with an hourly row every hour from 30 h before the epoch to 30 h after it (counts varying
     * by hour), one with rows only every fifth hour, one with rows only before the epoch (not part of it).
     */
    private void assertInputsAsFromHours(Epoch epoch) {
        long op = operator(ds, "APPROVED", true);
        long every = endpoint(ds, op, "SOCKS5", "IR");
        long sparse = endpoint(ds, op, "WIREGUARD", "RU");
        long before = endpoint(ds, op, "SOCKS5", "CN");
        Instant from = epoch.start().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(30));
        Instant to = epoch.end().plus(Duration.ofHours(30));
        hours(every, from, to, 1);
        hours(sparse, from, to, 5);
        hours(before, from, epoch.start().minus(Duration.ofHours(1)), 1);

        Long[] ours = {every, sparse, before};
        Set<String> fromHours = Set.copyOf(query(ds, """
                SELECT endpoint_id, sum(up_count), sum(down_count), sum(weak_up_count) FROM check_rollup_hourly
                WHERE endpoint_id = ANY (?::bigint[]) AND hour_start >= ? AND hour_start < ? GROUP BY endpoint_id""",
                rs -> rs.getLong(1) + " " + rs.getLong(2) + " " + rs.getLong(3) + " " + rs.getLong(4),
                ours, epoch.start().atOffset(ZoneOffset.UTC), epoch.end().atOffset(ZoneOffset.UTC)));
        Set<Long> mine = Set.of(ours);
        Set<String> inputs = QuarkusTransaction.requiringNew().call(() -> repo.inputs(epoch)).stream()
                .filter(r -> mine.contains(r.endpointId()))
                .map(r -> r.endpointId() + " " + r.up() + " " + r.down() + " " + r.weakUp())
                .collect(Collectors.toSet());

        assertEquals(fromHours, inputs);
        assertEquals(2, inputs.size(), "the endpoint with rows only before the epoch is not part of it: " + inputs);
    }

    /** Hourly rows every {@code step} hours in [from, to); up, down and weak UP vary with the hour. */
    private void hours(long endpoint, Instant from, Instant to, int step) {
        exec(ds, "INSERT INTO check_rollup_hourly (endpoint_id, hour_start, up_count, down_count, unknown_count, weak_up_count)"
                + " SELECT ?, h, 10 + n % 37, n % 5, 1, n % 3 FROM generate_series(?::timestamptz, ?::timestamptz - interval '1 second',"
                + " ? * interval '1 hour') h, LATERAL (SELECT extract(epoch FROM h)::bigint / 3600 AS n) x",
                endpoint, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC), step);
    }
}
