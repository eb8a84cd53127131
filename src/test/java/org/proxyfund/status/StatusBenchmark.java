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

    @Test
    void shouldMeasureStatusAndBadgeAgainstAStaticFile() throws Exception {
        assertTrue(Files.isExecutable(WRK), "wrk is installed by .ci/install-test-deps");
        var op = StatusFixtures.operator("pfs-bench");
        long id = op.endpoint("SOCKS5", "bench");
        StatusFixtures.approve(ds, id);
        StatusFixtures.current(ds, id, "UP", Instant.now());
        String badge = given().header("Authorization", "Bearer " + op.token()).post("/api/v1/endpoints/" + id + "/badge")
                .then().statusCode(200).extract().path("path");
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
        List<String> lines = new ArrayList<>();
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
