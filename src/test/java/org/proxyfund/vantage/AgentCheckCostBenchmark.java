package org.proxyfund.vantage;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.proxyfund.endpoint.EndpointService;
import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.endpoint.MonitorCredential;
import org.proxyfund.operator.WebClient;
import org.proxyfund.probe.CheckResult;
import org.proxyfund.probe.CheckTarget;
import org.proxyfund.probe.socks5.Socks5Checker;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An agent's checks per core against the central checker's, on loopback: the same {@link #ENDPOINTS} SOCKS5 endpoints
 * (one real microsocks each, with the canary) checked once by the service's central {@link Socks5Checker} and once by
 * the agent program's check loop (its own JVM, the same checker code, leasing and pushing through the API), each
 * {@link #CONCURRENCY} at a time, after a warm-up pass each. CPU time from the processes themselves (the service JVM's
 * process CPU for the central pass, the agent JVM's from /proc for the agent's), never wall time; the ratio is of the
 * same run. {@code ./mvnw -Pbench test -Dtest=AgentCheckCostBenchmark}.
 */
@QuarkusTest
@Tag("benchmark")
class AgentCheckCostBenchmark {

    static final int ENDPOINTS = Integer.getInteger("bench.agent.endpoints", 1000);
    /** The agent's default concurrency, used for the central pass too. */
    static final int CONCURRENCY = 8;
    /** The JVM options docs/vantage-points.md gives volunteers. */
    static final List<String> AGENT_JVM = List.of("-Xmx64m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    @Inject
    DataSource db;
    @Inject
    EndpointService endpoints;
    @Inject
    Socks5Checker central;
    @TestHTTPResource("/")
    URL base;

    @Test
    void shouldCompareTheAgentsCpuPerCheckWithTheCentralCheckers() throws Exception {
        String region = AgentFixtures.freshRegion();
        List<AgentFixtures.Registered> registered = register(endpoints, db, region, ENDPOINTS);
        try (MicrosocksFleet fleet = MicrosocksFleet.start(registered)) {
            List<CheckTarget> targets = registered.stream().map(r -> new CheckTarget("127.0.0.1", r.port(),
                    new MonitorCredential(EndpointType.SOCKS5, r.credential()))).toList();
            centralPass(targets);
            double[] c = centralPass(targets);
            double centralMs = c[0] * 1000 / ENDPOINTS;

            String token = AgentFixtures.createOnPage(WebClient.admin(), "cost", region, "loopback");
            try (AgentProcess agent = AgentProcess.start(List.of(), AGENT_JVM, "http://127.0.0.1:" + base.getPort(), token,
                    AgentProcess.stateDir("cost"), "--allow-host", "127.0.0.0/8")) {
                awaitResults(region, ENDPOINTS, agent);
                AgentFixtures.row(db, "UPDATE agent_schedule SET next_check_at = now() WHERE region = ?", region);
                double agent0 = SignedPusher.treeCpuSeconds(agent.pid());
                double service0 = jvmCpu();
                long t0 = System.nanoTime();
                long before = results(region, "");
                awaitResults(region, 2L * ENDPOINTS, agent);
                double agentCpu = SignedPusher.treeCpuSeconds(agent.pid()) - agent0;
                double serviceCpu = jvmCpu() - service0;
                double wall = (System.nanoTime() - t0) / 1e9;
                long checks = results(region, "") - before;
                long ups = results(region, " AND status = 'UP' AND verdict = 'ACCEPTED'");
                assertTrue(ups >= 2L * ENDPOINTS * 99 / 100, "the agent's loopback checks are accepted UPs: " + ups);
                double agentMs = agentCpu * 1000 / checks;
                System.out.printf(Locale.ROOT, "[perf] central Socks5Checker: %d checks, %.2f ms CPU per check (%.0f checks per"
                                + " CPU-second, %.1f s wall)%n", ENDPOINTS, centralMs, 1000 / centralMs, c[1]);
                System.out.printf(Locale.ROOT, "[perf] agent program (%s): %d checks with leases and pushes, %.2f ms CPU per check"
                                + " (%.0f checks per CPU-second, %.1f s wall); the service spent %.2f ms per check meanwhile"
                                + " (canary, API)%n", String.join(" ", AGENT_JVM), checks, agentMs, 1000 / agentMs, wall,
                        serviceCpu * 1000 / checks);
                System.out.printf(Locale.ROOT, "[perf] agent checks per core / central checks per core: %.2f; load average %s%n",
                        centralMs / agentMs, java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip());
            }
        }
    }

    /** Every target checked once by the central checker, CONCURRENCY at a time: [CPU seconds of this JVM, wall seconds]. */
    private double[] centralPass(List<CheckTarget> targets) throws Exception {
        double cpu0 = jvmCpu();
        long t0 = System.nanoTime();
        Semaphore slots = new Semaphore(CONCURRENCY);
        int up = 0;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<CheckResult>> running = new ArrayList<>();
            for (CheckTarget t : targets) {
                running.add(threads.submit(() -> {
                    slots.acquireUninterruptibly();
                    try {
                        return central.check(t);
                    } finally {
                        slots.release();
                    }
                }));
            }
            for (Future<CheckResult> f : running) if (f.get().status() == org.proxyfund.probe.CheckStatus.UP) up++;
        }
        assertEquals(targets.size(), up, "every loopback check of the central checker is UP");
        return new double[]{jvmCpu() - cpu0, (System.nanoTime() - t0) / 1e9};
    }

    /** Registers {@code n} approved endpoints in the region on a block of ports no other test gets. */
    static List<AgentFixtures.Registered> register(EndpointService endpoints, DataSource db, String region, int n) {
        int first = org.proxyfund.common.testing.TestPorts.block(n);
        List<AgentFixtures.Registered> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(AgentFixtures.registered(endpoints, db, region, first + i));
        return out;
    }

    private void awaitResults(String region, long atLeast, AgentProcess agent) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (results(region, "") < atLeast) {
            assertTrue(agent.alive(), "the agent runs: " + agent.output());
            assertTrue(System.nanoTime() < deadline, "the agent did not report " + atLeast + " results: " + agent.output());
            Thread.sleep(200);
        }
    }

    private long results(String region, String condition) {
        return AgentFixtures.scalar(db, "SELECT count(*) FROM agent_result WHERE region = ?" + condition, region);
    }

    static double jvmCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }
}
