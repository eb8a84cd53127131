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
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Raw results rolled up into hourly rows (counts, p50/p95), idempotently; retention deletes old raw rows, keeps rollups. */
@QuarkusTest
class RollupServiceTest {

    @Inject
    RollupService rollups;
    @Inject
    DataSource db;

    @Test
    void shouldRollRawResultsUpIntoHourlyCountsAndPercentilesIdempotently() throws Exception {
        long endpoint = newEndpoint();
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
        for (int i = 1; i <= 10; i++) insert(endpoint, hour.plusSeconds(60L * i), "UP", null, i * 10, false);
        insert(endpoint, hour.plusSeconds(60L * 11), "UP", null, 200, true);
        insert(endpoint, hour.plusSeconds(60L * 12), "DOWN", "TIMEOUT", null, false);
        insert(endpoint, hour.plusSeconds(60L * 13), "DOWN", "CONNECT_REFUSED", null, false);
        insert(endpoint, hour.plusSeconds(60L * 14), "UNKNOWN", null, null, false);
        insert(endpoint, hour.plus(Duration.ofHours(1)).plusSeconds(5), "DOWN", "TIMEOUT", null, false);

        assertTrue(rollups.rollUpHours(hour.plusSeconds(1800), hour.plus(Duration.ofHours(2))) >= 2);
        assertTrue(rollups.rollUpHours(hour, hour.plus(Duration.ofHours(2))) >= 2, "running again is harmless");

        // Latencies 10..100 and 200 ms: median is the 6th of 11 = 60; p95 interpolates between 100 and 200 at 0.5 = 150.
        assertEquals("11/2/1/1/60/150", rollup(endpoint, hour));
        assertEquals("0/1/0/0/null/null", rollup(endpoint, hour.plus(Duration.ofHours(1))));
        assertEquals(2, count("SELECT count(*) FROM check_rollup_hourly WHERE endpoint_id = " + endpoint));
    }

    @Test
    void shouldDeleteRawResultsPastRetentionAndKeepTheirRollupsForAYear() throws Exception {
        long endpoint = newEndpoint();
        Instant old = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(50));
        Instant recent = Instant.now().minus(Duration.ofHours(1));
        insert(endpoint, old.plusSeconds(10), "UP", null, 42, false);
        insert(endpoint, recent, "UP", null, 43, false);
        rollups.rollUpHours(old, old.plus(Duration.ofHours(1)));
        exec("INSERT INTO check_rollup_hourly (endpoint_id, hour_start, up_count) VALUES (" + endpoint + ", '"
                + OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS).minusDays(400) + "', 5)");

        assertTrue(rollups.deleteExpired() >= 2);

        assertEquals(1, count("SELECT count(*) FROM check_result WHERE endpoint_id = " + endpoint), "only the recent raw row stays");
        assertEquals(43, count("SELECT latency_ms FROM check_result WHERE endpoint_id = " + endpoint));
        assertEquals("1/0/0/0/42/42", rollup(endpoint, old), "the rollup of deleted raw rows stays");
        assertEquals(1, count("SELECT count(*) FROM check_rollup_hourly WHERE endpoint_id = " + endpoint), "the 400-day-old rollup is gone");
    }

    private String rollup(long endpoint, Instant hour) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement("""
                SELECT up_count, down_count, unknown_count, weak_up_count, latency_p50_ms, latency_p95_ms
                FROM check_rollup_hourly WHERE endpoint_id = ? AND hour_start = ?""")) {
            st.setLong(1, endpoint);
            st.setObject(2, OffsetDateTime.ofInstant(hour, ZoneOffset.UTC));
            try (ResultSet rs = st.executeQuery()) {
                assertTrue(rs.next(), "a rollup row for " + hour);
                return rs.getInt(1) + "/" + rs.getInt(2) + "/" + rs.getInt(3) + "/" + rs.getInt(4) + "/"
                        + rs.getObject(5) + "/" + rs.getObject(6);
            }
        }
    }

    private void insert(long endpoint, Instant at, String status, String reason, Integer latency, boolean weak) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement("""
                INSERT INTO check_result (endpoint_id, checked_at, status, reason, latency_ms, weak_evidence, monitor)
                VALUES (?, ?, ?, ?, ?, ?, 'monitor-rollup-test')""")) {
            st.setLong(1, endpoint);
            st.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            st.setString(3, status);
            st.setString(4, reason);
            st.setObject(5, latency);
            st.setBoolean(6, weak);
            st.executeUpdate();
        }
    }

    /** A pending endpoint (never scheduled) to hang results on. */
    private long newEndpoint() throws SQLException {
        long account = count("INSERT INTO account (handle, password_hash, role, state) VALUES ('rollup-"
                + UUID.randomUUID().toString().substring(0, 8) + "', '$2a$04$notarealhashnotarealhash', 'OPERATOR', 'APPROVED') RETURNING id");
        return count("INSERT INTO endpoint (account_id, type, host, port, region, protocol_fields, credential_enc, state, address_version) "
                + "VALUES (" + account + ", 'SOCKS5', 'rollup-" + UUID.randomUUID() + ".example', 1080, 'EU', '{}', 'v1:unused', 'PENDING', 1) RETURNING id");
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void exec(String sql) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.executeUpdate();
        }
    }
}
