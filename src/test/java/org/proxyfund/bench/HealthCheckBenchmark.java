package org.proxyfund.bench;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.endpoint.MonitorCredential;
import org.proxyfund.probe.CheckTarget;
import org.proxyfund.probe.Socks5Checker;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The health-check benchmark (docs/health-checks.md, "Benchmark"): N SOCKS5 endpoints on loopback, checked by the
 * monitor, and the same targets probed by Prometheus's blackbox_exporter tcp_connect in the same run, as the baseline.
 * Not part of the test suite: run with {@code ./mvnw -Pbench test}; the report lands in target/benchmark/.
 */
@QuarkusTest
@Tag("benchmark")
class HealthCheckBenchmark {

    static final File WORK = new File("target/benchmark");
    static final String BASELINE = "blackbox_exporter tcp_connect";
    private static final Duration PHASE = Duration.ofSeconds(Long.getLong("bench.seconds", 30));
    private static final List<Integer> SIZES = List.of(1_000, 10_000);
    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 256);

    @Inject
    Socks5Checker socks5;

    @Test
    void shouldMeasureTheMonitorAgainstBlackboxExporter() throws Exception {
        BenchReport report = new BenchReport();
        long self = ProcessHandle.current().pid();
        for (int n : SIZES) {
            try (Socks5Farm farm = Socks5Farm.start(n, WORK)) {
                List<CheckTarget> targets = farm.ports().stream().map(HealthCheckBenchmark::target).toList();
                report.add(BlackboxExporterRun.run(BASELINE, farm.ports(), CONCURRENCY, PHASE, WORK));
                Measurement checker = CheckerLoad.run("proxyfund Socks5Checker (relay to canary, no DB)", socks5, targets,
                        CONCURRENCY, PHASE, self);
                report.add(checker);
                assertEquals(0, checker.failures(), "every loopback check must succeed");
            }
        }
        report.note("Baseline: Prometheus blackbox_exporter (Debian package) with a tcp_connect module, driven over HTTP "
                + "like Prometheus does, " + CONCURRENCY + " probes in flight; only its own process's CPU is counted. "
                + "It proves only that a port accepts a connection.");
        report.note("proxyfund: the full SOCKS5 check (greeting, username/password, CONNECT to the canary, nonce and "
                + "MAC answer relayed back), " + CONCURRENCY + " checks in flight on virtual threads; the monitor JVM's "
                + "CPU is counted (checker and canary both live there), the SOCKS5 server runs in its own process.");
        report.write(Path.of(WORK.getPath(), "health-checks.md"), BASELINE);
        assertTrue(report.markdown(BASELINE).contains("10,000"));
    }

    static CheckTarget target(int port) {
        return new CheckTarget("127.0.0.1", port, new MonitorCredential(EndpointType.SOCKS5,
                Map.of(MonitorCredential.USERNAME, Socks5Farm.USER, MonitorCredential.PASSWORD, Socks5Farm.PASSWORD)));
    }
}
