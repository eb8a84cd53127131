package org.proxyfund.vantage;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.proxyfund.endpoint.EndpointService;
import org.proxyfund.operator.WebClient;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Result ingestion on the service: agents' leased checks (half UP, their nonces seen by the canary from another
 * address; half DOWN) answered through the signed API, against the baseline of as many rows written by one plain JDBC
 * batch in the same run (the database's own pace on this machine). After warm-up rounds (the JIT compiles the push
 * path), each configuration (push size, agents pushing at once) runs {@link #ROUNDS} rounds of {@link #ENDPOINTS}
 * results. Prints results/s, the ratio, and the CPU the service JVM and PostgreSQL spent per 1,000 results (the
 * pushing threads' own CPU taken out); no timed assertion. {@code ./mvnw -Pbench test -Dtest=AgentIngestionBenchmark}.
 */
@QuarkusTest
@Tag("benchmark")
class AgentIngestionBenchmark {

    private static final int ENDPOINTS = 1000;
    private static final int ROUNDS = 3;
    private static final int AGENTS = 4;

    @Inject
    DataSource db;

    @Inject
    EndpointService endpoints;

    @TestHTTPResource("/")
    URI base;

    private String region;
    private final List<AgentFixtures.Caller> agents = new ArrayList<>();

    @Test
    void shouldReportResultIngestionAgainstAPlainJdbcBatch() throws Exception {
        region = AgentFixtures.freshRegion();
        // Nothing is checked, so nothing listens: ::1 and ports of the ephemeral range keep the test port blocks for the
        // benchmarks that run real proxies.
        for (int i = 0; i < ENDPOINTS; i++) AgentFixtures.approvedEndpoint(endpoints, db, region, "::1", 40_000 + i);
        for (int i = 0; i < AGENTS; i++) agents.add(AgentFixtures.enrolled(WebClient.admin(), region, "bench-" + i));
        for (int i = 0; i < 3; i++) round(1, 500, 0);
        baseline();
        long postgres = postmasterPid();
        List<String> lines = new ArrayList<>();
        for (int[] config : new int[][]{{1, 200}, {1, 500}, {AGENTS, 500}}) {
            double seconds = 0;
            double client = 0;
            double service = 0;
            double pg = 0;
            for (int r = 0; r < ROUNDS; r++) {
                double[] m = round(config[0], config[1], postgres);
                seconds += m[0];
                client += m[1];
                service += m[2] - m[1];
                pg += m[3];
            }
            int n = ROUNDS * ENDPOINTS;
            lines.add(String.format(java.util.Locale.ROOT, "[perf] %d agent(s) pushing %d results a push: %.0f results/s;"
                            + " CPU per 1,000 results: service JVM %.0f ms, PostgreSQL %.0f ms (pushing threads %.0f ms, not counted)"
                            + " = %.0f results per CPU-second", config[0], config[1], n / seconds, service * 1000 / n * 1000,
                    pg * 1000 / n * 1000, client * 1000 / n * 1000, n / (service + pg)));
        }
        double baseline = baseline();
        lines.forEach(System.out::println);
        System.out.printf(java.util.Locale.ROOT, "[perf] plain JDBC batch of as many rows: %.0f rows/s; load average %s%n", baseline,
                java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip());
    }

    /**
     * One round: every endpoint due, leased through the API, half its UPs sighted; then the timed pushes. Returns the
     * pushes' seconds, the pushing threads' CPU seconds, the JVM's and PostgreSQL's CPU seconds during the pushes.
     */
    private double[] round(int pushing, int pushSize, long postgres) throws Exception {
        AgentFixtures.row(db, "UPDATE agent_schedule SET next_check_at = now() - interval '1 second' WHERE region = ?", region);
        List<List<Long>> leased = new ArrayList<>();
        for (int a = 0; a < pushing; a++) leased.add(new ArrayList<>());
        int total = 0;
        for (int a = 0; total < ENDPOINTS; a = (a + 1) % pushing) {
            JsonPath lease = agents.get(a).lease(50).then().statusCode(200).extract().jsonPath();
            List<Number> ids = lease.getList("checks.leaseId", Number.class);
            if (ids.isEmpty()) break;
            for (Number id : ids) leased.get(a).add(id.longValue());
            total += ids.size();
        }
        assertEquals(ENDPOINTS, total, "every endpoint leased");
        List<List<byte[]>> bodies = new ArrayList<>();
        String at = Instant.now().toString();
        for (List<Long> mine : leased) {
            sight(mine.stream().filter(id -> id % 2 == 0).toList());
            List<byte[]> pushes = new ArrayList<>();
            for (int from = 0; from < mine.size(); from += pushSize) {
                StringBuilder body = new StringBuilder("{\"results\":[");
                for (long id : mine.subList(from, Math.min(mine.size(), from + pushSize))) {
                    if (body.charAt(body.length() - 1) != '[') body.append(',');
                    body.append("{\"leaseId\":").append(id).append(id % 2 == 0
                            ? ",\"status\":\"UP\",\"latencyMs\":12,\"detail\":\"relayed the canary nonce\",\"detailKey\":\"relayed\""
                            : ",\"status\":\"DOWN\",\"reason\":\"TIMEOUT\",\"detail\":\"no TCP connection\",\"detailKey\":\"tcp_timeout\"")
                            .append(",\"checkedAt\":\"").append(at).append("\"}");
                }
                pushes.add(body.append("]}").toString().getBytes(StandardCharsets.UTF_8));
            }
            bodies.add(pushes);
        }
        List<SignedPusher> pushers = new ArrayList<>();
        for (int a = 0; a < pushing; a++) pushers.add(new SignedPusher(base, agents.get(a)));
        double jvm0 = jvmCpu();
        double pg0 = SignedPusher.treeCpuSeconds(postgres);
        long t0 = System.nanoTime();
        int accepted = 0;
        try (ExecutorService threads = Executors.newFixedThreadPool(pushing)) {
            List<Future<Integer>> running = new ArrayList<>();
            for (int a = 0; a < pushing; a++) {
                SignedPusher p = pushers.get(a);
                List<byte[]> mine = bodies.get(a);
                running.add(threads.submit(() -> p.pushAll(mine)));
            }
            for (Future<Integer> f : running) accepted += f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double jvm = jvmCpu() - jvm0;
        double pg = SignedPusher.treeCpuSeconds(postgres) - pg0;
        assertEquals(ENDPOINTS, accepted, "every result counts (UPs with their sighting, DOWNs)");
        return new double[]{seconds, pushers.stream().mapToLong(SignedPusher::clientCpuNanos).sum() / 1e9, jvm, pg};
    }

    /** The canary's part, done directly: each lease's first nonce seen from an address that is not the agent's. */
    private void sight(List<Long> leaseIds) {
        if (leaseIds.isEmpty()) return;
        AgentFixtures.row(db, "INSERT INTO canary_sighting (nonce, source, seen_at) SELECT decode(nonces[1], 'hex'), '192.0.2.7', now()"
                + " FROM agent_lease WHERE id = ANY (?::bigint[]) ON CONFLICT DO NOTHING", "{" + String.join(",",
                leaseIds.stream().map(String::valueOf).toList()) + "}");
    }

    /** Rows/s of a plain JDBC batch of ENDPOINTS rows, committed every 500. */
    private double baseline() throws Exception {
        long t1 = System.nanoTime();
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(
                "INSERT INTO canary_sighting (nonce, source, seen_at) VALUES (?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < ENDPOINTS; i++) {
                byte[] nonce = new byte[40];
                java.util.concurrent.ThreadLocalRandom.current().nextBytes(nonce);
                st.setBytes(1, nonce);
                st.setString(2, "192.0.2.1");
                st.setTimestamp(3, Timestamp.from(Instant.now().minusSeconds(7 * 86_400)));
                st.addBatch();
                if (i % 500 == 499) {
                    st.executeBatch();
                    c.commit();
                }
            }
            st.executeBatch();
            c.commit();
        }
        return ENDPOINTS / ((System.nanoTime() - t1) / 1e9);
    }

    private static double jvmCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    private long postmasterPid() throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement("SELECT pg_backend_pid()");
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return ProcessHandle.of(rs.getLong(1)).flatMap(ProcessHandle::parent).map(ProcessHandle::pid).orElseThrow();
        }
    }
}
