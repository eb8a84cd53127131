package org.proxyfund.vantage;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.proxyfund.endpoint.EndpointService;
import org.proxyfund.operator.WebClient;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent's resident memory while checking {@value #ENDPOINTS_TEXT} endpoints a minute: the service leases every
 * endpoint of the region once a minute (interval 1 m), each a real microsocks on loopback with its own credential;
 * the agent program runs as a volunteer starts it, once with the JVM options docs/vantage-points.md gives and once with
 * none (the JVM's defaults). After its first full round, VmRSS is read from /proc/PID/status every second for
 * {@code bench.agent.seconds} (120) seconds of steady checking; max and median are printed with the checks done in
 * that time. {@code ./mvnw -Pbench test -Dtest=AgentMemoryBenchmark}.
 */
@QuarkusTest
@TestProfile(AgentMemoryBenchmark.EveryMinute.class)
@Tag("benchmark")
class AgentMemoryBenchmark {

    static final String ENDPOINTS_TEXT = "1000";
    private static final int ENDPOINTS = Integer.getInteger("bench.agent.endpoints", 1000);
    private static final Duration STEADY = Duration.ofSeconds(Long.getLong("bench.agent.seconds", 120));

    /** Every endpoint due once a minute in each region. */
    public static class EveryMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("proxyfund.vantage.interval", "1m");
        }
    }

    @Inject
    DataSource db;
    @Inject
    EndpointService endpoints;
    @TestHTTPResource("/")
    URL base;

    @Test
    void shouldReportTheAgentsResidentMemoryAtAThousandEndpointsAMinute() throws Exception {
        String region = AgentFixtures.freshRegion();
        List<AgentFixtures.Registered> registered = AgentCheckCostBenchmark.register(endpoints, db, region, ENDPOINTS);
        List<String> lines = new ArrayList<>();
        try (MicrosocksFleet fleet = MicrosocksFleet.start(registered)) {
            for (List<String> jvm : List.of(AgentCheckCostBenchmark.AGENT_JVM, List.<String>of())) {
                lines.add(run(region, jvm));
                System.out.println(lines.getLast());
            }
        }
        lines.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "[perf] load average %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
    }

    /** One agent with these JVM options: its first round, then the sampled steady state; the report line. */
    private String run(String region, List<String> jvm) throws Exception {
        // Work a stopped agent leased and never answered is due again at once, not at its deadline.
        AgentFixtures.row(db, "UPDATE agent_schedule SET next_check_at = now() WHERE region = ?", region);
        String token = AgentFixtures.createOnPage(WebClient.admin(), "memory", region, "loopback-" + jvm.size());
        try (AgentProcess agent = AgentProcess.start(List.of(), jvm, "http://127.0.0.1:" + base.getPort(), token,
                AgentProcess.stateDir("memory"), "--allow-host", "127.0.0.0/8")) {
            long agentId = -1;
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (agentId < 0 || results(agentId) < ENDPOINTS) {
                assertTrue(agent.alive() && System.nanoTime() < deadline, "the agent's first round: " + agent.output());
                Thread.sleep(500);
                if (agentId < 0 && Files.exists(agent.stateDir.resolve("agent.id"))) {
                    agentId = Long.parseLong(Files.readString(agent.stateDir.resolve("agent.id")).strip());
                }
            }
            long before = results(agentId);
            double cpu0 = SignedPusher.treeCpuSeconds(agent.pid());
            List<Long> samples = new ArrayList<>();
            long start = System.nanoTime();
            long minimum = ENDPOINTS * STEADY.toSeconds() / 60;
            // At least STEADY, and on until as many checks as STEADY holds at ENDPOINTS a minute are done (the leases
            // come in a burst once a minute, so a fixed window may end just before one).
            while (System.nanoTime() - start < STEADY.toNanos() || results(agentId) - before < minimum) {
                assertTrue(agent.alive(), agent.output());
                assertTrue(System.nanoTime() - start < STEADY.plusSeconds(120).toNanos(), "the agent did not keep up with "
                        + ENDPOINTS + " endpoints a minute: " + (results(agentId) - before) + " checks");
                samples.add(rssKib(agent.pid()));
                Thread.sleep(1000);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long checks = results(agentId) - before;
            double cpu = SignedPusher.treeCpuSeconds(agent.pid()) - cpu0;
            double perMinute = checks * 60.0 / seconds;
            List<Long> sorted = samples.stream().sorted().toList();
            return String.format(Locale.ROOT, "[perf] agent RSS at %.0f checks a minute (%s): max %d MiB, median %d MiB over %d"
                            + " samples in %.0f s; %d checks, CPU %.1f %% of one core", perMinute,
                    jvm.isEmpty() ? "no JVM options: the JVM's defaults" : String.join(" ", jvm), sorted.getLast() / 1024,
                    sorted.get(sorted.size() / 2) / 1024, samples.size(), seconds, checks, cpu * 100 / seconds);
        }
    }

    private long results(long agentId) {
        return AgentFixtures.scalar(db, "SELECT count(*) FROM agent_result WHERE agent_id = ?", agentId);
    }

    /** VmRSS of the process in KiB, from /proc/PID/status. */
    private static long rssKib(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .findFirst().map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElseThrow();
    }
}
