package org.proxyfund.status;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests per second of /status, /api/v1/status and a badge under {@code wrk} (Debian package wrk), beside two
 * baselines of the same server in the same run: a static file, and the front page (a Qute page rendered per request). Prints the figures and writes them to
 * target/bench/status.txt; asserts only that every answer was a success. {@code ./mvnw -Pbench test -Dtest=StatusBenchmark}.
 */
@QuarkusTest
@Tag("benchmark")
class StatusBenchmark {

    private static final Path WRK = Path.of("/usr/bin/wrk");
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

    @TestHTTPResource("/")
    URL root;
    @Inject
    DataSource ds;
    @Inject
    StatusService service;

    /** Endpoints of the seeded network whose figures the page reads: 30 days of hourly rollups each. */
    static final int ENDPOINTS = 2_000;

    @Test
    void shouldMeasureStatusAndBadgeAgainstAStaticFile() throws Exception {
        assertTrue(Files.isExecutable(WRK), "wrk is installed by .ci/install-test-deps");
        var op = StatusFixtures.operator("pfs-bench");
        long id = op.endpoint("SOCKS5", "bench");
        StatusFixtures.approve(ds, id);
        StatusFixtures.current(ds, id, "UP", Instant.now());
        String badge = given().header("Authorization", "Bearer " + op.token()).post("/api/v1/endpoints/" + id + "/badge")
                .then().statusCode(200).extract().path("path");
        List<String> lines = new ArrayList<>(seedAndTimeTheRead(op.accountId()));
        String base = root.toString().replaceAll("/$", "");
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("static file /css/site.css (baseline)", "/css/site.css");
        targets.put("front page / (rendered per request)", "/?lang=en");
        targets.put("/status (HTML)", "/status?lang=en");
        targets.put("/api/v1/status (JSON)", "/api/v1/status");
        targets.put("badge SVG", badge);
        for (String path : targets.values()) {
            wrk(base + path, "3s"); // warm-up: JIT, caches
        }
        double baseline = 0;
        for (Map.Entry<String, String> t : targets.entrySet()) {
            double rate = wrk(base + t.getValue(), "15s");
            if (baseline == 0) {
                baseline = rate;
            }
            lines.add(String.format("%-40s %,10.0f req/s   ratio to baseline %.2f", t.getKey(), rate, rate / baseline));
        }
        String report = "wrk -t2 -c64 --timeout 10s -d15s, " + Runtime.getRuntime().availableProcessors() + " cores, " + Instant.now() + "\n"
                + String.join("\n", lines) + "\n";
        System.out.println(report);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/status.txt"), report);
    }

    /**
     * Seeds {@value #ENDPOINTS} approved endpoints with a latest check and 30 days of hourly rollups (the daily sums
     * follow by V7's triggers), then times what a refresh of the figures costs against counting those hourly rows.
     */
    private List<String> seedAndTimeTheRead(long accountId) {
        Instant hour = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        StatusFixtures.sql(ds, """
                INSERT INTO endpoint (account_id, type, label, host, port, region, protocol_fields, credential_enc, state, address_version)
                SELECT ?, (ARRAY['SOCKS5','HTTP_CONNECT','SHADOWSOCKS','MTPROTO','WIREGUARD','OPENVPN'])[1 + g % 6], 'bench ' || g,
                       'bench-' || g || '.example', 443, 'IR', '{}', 'v1:x', 'APPROVED', 1 FROM generate_series(1, ?) g""",
                accountId, ENDPOINTS);
        StatusFixtures.sql(ds, """
                INSERT INTO check_schedule (endpoint_id, next_check_at, last_checked_at, last_status)
                SELECT id, now() + interval '1 minute', now() - (id % 200) * interval '1 second',
                       CASE WHEN id % 17 = 0 THEN 'DOWN' ELSE 'UP' END FROM endpoint WHERE host LIKE 'bench-%.example'""");
        StatusFixtures.sql(ds, """
                INSERT INTO check_rollup_hourly (endpoint_id, hour_start, up_count, down_count, unknown_count)
                SELECT e.id, h, CASE WHEN e.id % 17 = 0 THEN 0 ELSE 60 END, CASE WHEN e.id % 17 = 0 THEN 60 ELSE 0 END, 0
                FROM endpoint e, generate_series(?::timestamptz - interval '719 hours', ?::timestamptz, interval '1 hour') h
                WHERE e.host LIKE 'bench-%.example'""", hour.atOffset(java.time.ZoneOffset.UTC), hour.atOffset(java.time.ZoneOffset.UTC));
        StatusFixtures.sql(ds, "VACUUM ANALYZE check_rollup_hourly");
        StatusFixtures.sql(ds, "VACUUM ANALYZE check_rollup_daily");
        long[] read = new long[5];
        long[] count = new long[5];
        for (int i = 0; i < read.length; i++) {
            long t0 = System.nanoTime();
            new org.proxyfund.common.db.Sql(ds).query("SELECT count(*) FROM check_rollup_hourly WHERE hour_start >= now() - interval '30 days'",
                    rs -> rs.getLong(1));
            long t1 = System.nanoTime();
            NetworkStatus s = service.compute(Instant.now());
            long t2 = System.nanoTime();
            assertTrue(s.total().endpoints() >= ENDPOINTS, "the seeded endpoints are counted");
            count[i] = (t1 - t0) / 1_000_000;
            read[i] = (t2 - t1) / 1_000_000;
        }
        java.util.Arrays.sort(read);
        java.util.Arrays.sort(count);
        return List.of(String.format("seeded network: %,d endpoints x 720 hours = %,d hourly rows", ENDPOINTS, ENDPOINTS * 720L),
                String.format("%-40s %,10d ms (median of 5)", "count(*) of 30 days of hourly rows (baseline)", count[2]),
                String.format("%-40s %,10d ms (median of 5), ratio %.2f", "a refresh of the /status figures", read[2],
                        count[2] == 0 ? 0.0 : (double) read[2] / count[2]));
    }

    /** Runs wrk against one URL and returns its requests per second; fails on any answer that is not a success. */
    private static double wrk(String url, String duration) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(WRK.toString(), "-t2", "-c64", "--timeout", "10s", "-d" + duration, url)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(!out.contains("Non-2xx") && !out.contains("Socket errors"), url + ": every answer a success, none late\n" + out);
        Matcher m = RATE.matcher(out);
        assertTrue(m.find(), out);
        return Double.parseDouble(m.group(1));
    }
}
