package org.proxyfund.probe.history;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * {@code check_rollup_daily} (V7) stays equal to the hourly rows summed per UTC day whoever writes them: direct
 * inserts, the rollup job's upsert re-writing an hour, deletes, retention and an endpoint's delete. The database is
 * shared by the test JVM, so each test compares only its own endpoints.
 */
@QuarkusTest
class DailyRollupTest {

    /** The hourly rows summed per endpoint and UTC day, in the daily table's column order. */
    private static final String FROM_HOURS = """
            SELECT endpoint_id, date_trunc('day', hour_start, 'UTC'), sum(up_count), sum(down_count), sum(unknown_count),
                   sum(weak_up_count), count(*)
            FROM check_rollup_hourly WHERE endpoint_id = ANY (?) GROUP BY 1, 2 ORDER BY 1, 2""";
    private static final String DAILY = """
            SELECT endpoint_id, day_start, up_count, down_count, unknown_count, weak_up_count, hour_count
            FROM check_rollup_daily WHERE endpoint_id = ANY (?) ORDER BY 1, 2""";

    @Inject
    RollupService rollups;
    @Inject
    DataSource db;

    @Test
    void shouldSumInsertedHoursPerUtcDay() throws SQLException {
        long a = newEndpoint();
        long b = newEndpoint();
        Instant day = Instant.parse("2025-06-10T00:00:00Z");
        // one statement over three days and two endpoints, then single rows into days that exist and one that does not
        exec("INSERT INTO check_rollup_hourly (endpoint_id, hour_start, up_count, down_count, unknown_count, weak_up_count)"
                + " SELECT e, h, 1 + (extract(hour FROM h)::int * 7 + e::int) % 60, e::int % 3, 1, extract(hour FROM h)::int % 2"
                + " FROM unnest(?::bigint[]) e, generate_series(?::timestamptz + interval '5 hours', ?::timestamptz + interval '2 days 20 hours',"
                + " interval '1 hour') h", new Long[]{a, b}, utc(day), utc(day));
        hour(a, day.plus(Duration.ofHours(2)), 10, 1, 0, 4);
        hour(b, day.minus(Duration.ofHours(1)), 5, 5, 5, 5);

        assertSameAsHours(a, b);
        assertEquals(List.of("2025-06-09T00:00Z 5 5 5 5 1"), days(b).subList(0, 1), "23:00 the day before is that day's");
        assertEquals("2025-06-10T00:00Z", days(a).get(0).substring(0, 17));
        assertEquals(3, days(a).size());
    }

    @Test
    void shouldMoveADayByNewMinusOldWhenTheRollupRewritesAnHour() throws SQLException {
        long e = newEndpoint();
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(30));
        for (int i = 0; i < 6; i++) result(e, hour.plusSeconds(60L * i + 1), i < 4 ? "UP" : "DOWN", i == 0);
        result(e, hour.plus(Duration.ofHours(1)).plusSeconds(7), "UNKNOWN", false);
        rollups.rollUpHours(hour, hour.plus(Duration.ofHours(2)));
        assertSameAsHours(e);

        // more checks land in the hour (counts grow), then some raw rows are gone (counts shrink): both re-written
        result(e, hour.plusSeconds(600), "UP", true);
        rollups.rollUpHours(hour, hour.plus(Duration.ofHours(1)));
        assertSameAsHours(e);
        exec("DELETE FROM check_result WHERE endpoint_id = ? AND status = 'UP'", e);
        rollups.rollUpHours(hour, hour.plus(Duration.ofHours(1)));
        assertSameAsHours(e);
        assertEquals(0L, scalar("SELECT sum(up_count) FROM check_rollup_daily WHERE endpoint_id = ?", e));
    }

    @Test
    void shouldSubtractDeletedHoursAndDropADayWithoutHours() throws SQLException {
        long e = newEndpoint();
        Instant day = Instant.parse("2025-06-20T00:00:00Z");
        for (int h = 0; h < 48; h++) hour(e, day.plus(Duration.ofHours(h)), 50 + h % 3, 2, 1, h % 2);

        exec("DELETE FROM check_rollup_hourly WHERE endpoint_id = ? AND hour_start >= ? AND hour_start < ?", e,
                utc(day.plus(Duration.ofHours(3))), utc(day.plus(Duration.ofHours(30))));
        assertSameAsHours(e);
        exec("DELETE FROM check_rollup_hourly WHERE endpoint_id = ? AND hour_start < ?", e, utc(day.plus(Duration.ofDays(1))));
        assertSameAsHours(e);
        assertEquals(1, days(e).size(), "the emptied day is gone, not left with zeros");
    }

    @Test
    void shouldDropTheDaysOfRollupsPastRetention() throws SQLException {
        long e = newEndpoint();
        Instant old = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(400));
        hour(e, old, 5, 0, 0, 0);
        hour(e, old.plus(Duration.ofHours(1)), 6, 0, 0, 0);
        hour(e, Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2)), 7, 0, 0, 0);

        rollups.deleteExpired();

        assertSameAsHours(e);
        assertEquals(1, days(e).size());
    }

    @Test
    void shouldDropTheDaysOfADeletedEndpointAndKeepOthers() throws SQLException {
        long gone = newEndpoint();
        long kept = newEndpoint();
        Instant day = Instant.parse("2025-07-01T00:00:00Z");
        exec("INSERT INTO check_rollup_hourly (endpoint_id, hour_start, up_count, down_count)"
                + " SELECT e, ?::timestamptz + h * interval '1 hour', 40, 1 FROM unnest(?::bigint[]) e, generate_series(0, 71) h",
                utc(day), new Long[]{gone, kept});
        List<String> keptBefore = days(kept);

        exec("DELETE FROM endpoint WHERE id = ?", gone);

        assertEquals(List.of(), days(gone));
        assertEquals(keptBefore, days(kept));
        assertFalse(keptBefore.isEmpty());
        assertSameAsHours(gone, kept);
    }

    private void assertSameAsHours(Long... endpoints) throws SQLException {
        assertEquals(rows(FROM_HOURS, endpoints), rows(DAILY, endpoints), "daily rows = hourly rows summed per UTC day");
    }

    private List<String> days(long endpoint) throws SQLException {
        return rows(DAILY, endpoint).stream().map(r -> r.substring(r.indexOf(' ') + 1)).toList();
    }

    /** Each row as "endpoint day up down unknown weak hours". */
    private List<String> rows(String sql, Long... endpoints) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setArray(1, c.createArrayOf("bigint", endpoints));
            List<String> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1) + " " + rs.getObject(2, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)
                            + " " + rs.getLong(3) + " " + rs.getLong(4) + " " + rs.getLong(5) + " " + rs.getLong(6) + " " + rs.getLong(7));
                }
            }
            return out;
        }
    }

    private void hour(long endpoint, Instant hour, int up, int down, int unknown, int weakUp) throws SQLException {
        exec("INSERT INTO check_rollup_hourly (endpoint_id, hour_start, up_count, down_count, unknown_count, weak_up_count)"
                + " VALUES (?, ?, ?, ?, ?, ?)", endpoint, utc(hour), up, down, unknown, weakUp);
    }

    private void result(long endpoint, Instant at, String status, boolean weak) throws SQLException {
        exec("INSERT INTO check_result (endpoint_id, checked_at, status, reason, latency_ms, weak_evidence, monitor)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 'monitor-daily-test')", endpoint, utc(at), status,
                status.equals("DOWN") ? "TIMEOUT" : null, status.equals("UP") ? 25 : null, weak);
    }

    /** A pending endpoint (never scheduled, so no job writes its rows but ours). */
    private long newEndpoint() throws SQLException {
        long account = scalar("INSERT INTO account (handle, password_hash, role, state) VALUES (?, ?, 'OPERATOR', 'APPROVED')"
                + " RETURNING id", "daily-" + UUID.randomUUID().toString().substring(0, 8), "$2a$04$notarealhashnotarealhash");
        return scalar("INSERT INTO endpoint (account_id, type, host, port, region, protocol_fields, credential_enc, state,"
                + " address_version) VALUES (?, 'SOCKS5', ?, 1080, 'EU', '{}', 'v1:unused', 'PENDING', 1) RETURNING id",
                account, "daily-" + UUID.randomUUID() + ".example");
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private long scalar(String sql, Object... params) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement st = prepared(c, sql, params); ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void exec(String sql, Object... params) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement st = prepared(c, sql, params)) {
            st.execute();
        }
    }

    private static PreparedStatement prepared(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement st = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            st.setObject(i + 1, params[i] instanceof Long[] ids ? c.createArrayOf("bigint", ids) : params[i]);
        }
        return st;
    }
}
