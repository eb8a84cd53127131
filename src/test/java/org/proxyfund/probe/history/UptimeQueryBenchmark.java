package org.proxyfund.probe.history;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Measures the batched queries on 10,000 endpoints with 30 days of hourly rollups (7.2 million rows) and prints the
 * times; no timed assertion. A benchmark, not part of the suite: {@code ./mvnw -Pbench test}. Its endpoints are
 * SUSPENDED, so a scheduler running in the same benchmark JVM never leases them.
 */
@QuarkusTest
@Tag("benchmark")
class UptimeQueryBenchmark {

    static final int ENDPOINTS = 10_000;

    @Inject
    DataSource ds;

    @Inject
    UptimeService uptime;

    @Inject
    HealthTableRepository table;

    private void exec(String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private long scalar(String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void shouldMeasureTheBatchedQueriesOnTenThousandEndpointsAndThirtyDays() throws Exception {
        long t0 = System.nanoTime();
        exec("INSERT INTO account (handle, password_hash, role, state) SELECT 'perf-' || g, repeat('x', 60), 'OPERATOR', 'APPROVED'"
                + " FROM generate_series(1, 100) g");
        exec("INSERT INTO endpoint (account_id, type, label, host, port, region, protocol_fields, credential_enc, state, address_version)"
                + " SELECT a.id, 'SOCKS5', 'perf ' || g, 'perf-' || g || '.example', 1080, 'XX', '{}', 'v1:x', 'SUSPENDED', 1"
                + " FROM generate_series(1, " + ENDPOINTS + ") g JOIN account a ON a.handle = 'perf-' || (g % 100 + 1)");
        exec("INSERT INTO check_rollup_hourly (endpoint_id, hour_start, up_count, down_count, unknown_count, latency_p50_ms, latency_p95_ms)"
                + " SELECT e.id, h, 60 - (e.id + (extract(epoch FROM h) / 3600)::bigint) % 5, (e.id + (extract(epoch FROM h) / 3600)::bigint) % 5,"
                + " (e.id % 3)::int, 50 + (e.id % 200)::int, 120 + (e.id % 400)::int"
                + " FROM endpoint e CROSS JOIN generate_series(date_trunc('hour', now()) - interval '719 hours', date_trunc('hour', now()), interval '1 hour') h"
                + " WHERE e.host LIKE 'perf-%'");
        exec("ANALYZE check_rollup_hourly");
        exec("ANALYZE endpoint");
        long rows = scalar("SELECT count(*) FROM check_rollup_hourly");
        System.out.printf("[perf] loaded %d rollup rows for %d endpoints in %d ms%n", rows, ENDPOINTS, (System.nanoTime() - t0) / 1_000_000);
        assertTrue(rows >= 720L * ENDPOINTS);

        for (int run = 1; run <= 3; run++) {
            long s = System.nanoTime();
            Map<Long, EndpointUptime> all = uptime.forAll(Instant.now());
            long allMs = (System.nanoTime() - s) / 1_000_000;
            assertTrue(all.size() >= ENDPOINTS);
            long accountId = scalar("SELECT id FROM account WHERE handle = 'perf-1'");
            s = System.nanoTime();
            Map<Long, EndpointUptime> one = uptime.forAccount(accountId, Instant.now());
            Map<Long, WeekSeries> series = uptime.seriesForAccount(accountId, Instant.now());
            long accountMs = (System.nanoTime() - s) / 1_000_000;
            assertEquals(one.size(), series.size());
            s = System.nanoTime();
            HealthTable byUptime = table.page(HealthSort.UPTIME24, false, 1, 50, Instant.now());
            long byUptimeMs = (System.nanoTime() - s) / 1_000_000;
            s = System.nanoTime();
            HealthTable byLabel = table.page(HealthSort.LABEL, false, 100, 50, Instant.now());
            long byLabelMs = (System.nanoTime() - s) / 1_000_000;
            assertEquals(50, byUptime.rows().size());
            assertEquals(50, byLabel.rows().size());
            System.out.printf("[perf] run %d: forAll %d ms (%d endpoints), forAccount+series %d ms (%d endpoints),"
                    + " admin page by uptime24 %d ms, admin page 100 by label %d ms%n",
                    run, allMs, all.size(), accountMs, one.size(), byUptimeMs, byLabelMs);
        }
        exec("DELETE FROM endpoint WHERE host LIKE 'perf-%'");
        exec("DELETE FROM account WHERE handle LIKE 'perf-%'");
    }
}
