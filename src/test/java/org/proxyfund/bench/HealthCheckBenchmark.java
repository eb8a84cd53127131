package org.proxyfund.bench;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.proxyfund.common.crypto.SecretCipher;
import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.endpoint.MonitorCredential;
import org.proxyfund.probe.CheckTarget;
import org.proxyfund.probe.schedule.CheckScheduler;
import org.proxyfund.probe.schedule.SchedulerFactory;
import org.proxyfund.probe.socks5.Socks5Checker;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

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

    private static final Duration CADENCE_WINDOW = Duration.ofSeconds(55);

    @Inject
    Socks5Checker socks5;
    @Inject
    SchedulerFactory schedulers;
    @Inject
    DataSource db;
    @Inject
    SecretCipher cipher;

    @Test
    void shouldMeasureTheMonitorAgainstBlackboxExporter() throws Exception {
        BenchReport report = new BenchReport();
        long self = ProcessHandle.current().pid();
        long postgres = BenchEndpoints.postmasterPid(db);
        for (int n : SIZES) {
            try (Socks5Farm farm = Socks5Farm.start(n, WORK)) {
                List<CheckTarget> targets = farm.ports().stream().map(HealthCheckBenchmark::target).toList();
                report.add(BlackboxExporterRun.run(BASELINE, farm.ports(), CONCURRENCY, PHASE, WORK));
                Measurement checker = CheckerLoad.run("proxyfund Socks5Checker alone (no database)", socks5, targets,
                        CONCURRENCY, PHASE, self);
                report.add(checker);
                assertEquals(0, checker.failures(), "every loopback check must succeed");
                List<Long> ids = BenchEndpoints.insert(db, cipher, farm.ports());
                try {
                    schedulerAtCapacity(report, n, self, postgres);
                    if (n == SIZES.getLast()) schedulerAtCadence(report, n, self, postgres, ids);
                } finally {
                    BenchEndpoints.retire(db, ids);
                }
            }
        }
        notes(report);
        report.write(Path.of(WORK.getPath(), "health-checks.md"), BASELINE);
        assertTrue(report.markdown(BASELINE).contains("10,000"));
    }

    /** Every endpoint due again after 1 s: the scheduler runs flat out; checks/s is its capacity. */
    private void schedulerAtCapacity(BenchReport report, int n, long self, long postgres) throws Exception {
        CheckScheduler scheduler = schedulers.create(new BenchSchedule(schedulers.config(), Duration.ofSeconds(1),
                CONCURRENCY, 500), "bench-capacity-" + n);
        Measurement m = SchedulerLoad.run("proxyfund scheduler flat out (leases, checks, results in PostgreSQL)",
                scheduler, db, n, PHASE, self, postgres);
        report.add(m);
        assertEquals(0, m.failures(), "every loopback check must be UP");
    }

    /** The production cadence (60 s, default jitter) from fresh schedule rows: what 10,000 endpoints really cost. */
    private void schedulerAtCadence(BenchReport report, int n, long self, long postgres, List<Long> ids) throws Exception {
        try (var c = db.getConnection(); var st = c.prepareStatement("DELETE FROM check_schedule WHERE endpoint_id = ANY(?)")) {
            st.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            st.executeUpdate();
        }
        CheckScheduler scheduler = schedulers.create(new BenchSchedule(schedulers.config(), Duration.ofSeconds(60),
                CONCURRENCY, 500), "bench-cadence-" + n);
        Measurement m = SchedulerLoad.run("proxyfund scheduler at the 60 s cadence", scheduler, db, n, CADENCE_WINDOW,
                self, postgres);
        report.add(m);
        Double spacing = SchedulerLoad.minSpacingSeconds(db, scheduler.monitorId());
        double floor = 60 * (1 - schedulers.config().jitter()) - 1;
        assertEquals(0, m.failures(), "every loopback check must be UP");
        assertTrue(spacing == null || spacing >= floor, "two checks of one endpoint " + spacing + " s apart, less than "
                + floor + " s (interval minus jitter)");
        report.note(String.format(java.util.Locale.ROOT, "Cadence: shortest time between two checks of one endpoint "
                + "%s s (interval 60 s, jitter %.0f %%).", spacing == null ? "n/a (none checked twice)" : String.format(
                java.util.Locale.ROOT, "%.1f", spacing), schedulers.config().jitter() * 100));
    }

    private static void notes(BenchReport report) {
        report.note("Baseline: Prometheus blackbox_exporter (Debian package) with a tcp_connect module, driven over HTTP "
                + "as Prometheus drives it, " + CONCURRENCY + " probes in flight; only its own process's CPU is counted. "
                + "It proves only that a port accepts a connection.");
        report.note("proxyfund checks are full SOCKS5 checks (greeting, username/password, CONNECT to the canary, "
                + "nonce out and the canary's MAC back through the proxy), " + CONCURRENCY + " in flight on virtual "
                + "threads. Counted: the monitor JVM (checker and canary) and, for scheduler lines, the PostgreSQL "
                + "server's processes too. The SOCKS5 farm runs in its own process and is not counted; it shares the "
                + "same cores, so every line competes with it.");
        report.note("Cadence line: " + CADENCE_WINDOW.toSeconds() + " s of the production schedule (interval 60 s) "
                + "over fresh schedule rows, which spread first checks over one interval; 'cores used' is the share "
                + "of the machine the monitor needs to check all endpoints every 60 s.");
        report.note("Peak RSS is the measured processes' resident memory (a test JVM with default heap sizing, plus "
                + "PostgreSQL for scheduler lines), not a minimum.");
    }

    static CheckTarget target(int port) {
        return new CheckTarget("127.0.0.1", port, new MonitorCredential(EndpointType.SOCKS5,
                Map.of(MonitorCredential.USERNAME, Socks5Farm.USER, MonitorCredential.PASSWORD, Socks5Farm.PASSWORD)));
    }
}
