package org.proxyfund.probe.schedule;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.proxyfund.common.crypto.SecretCipher;
import org.proxyfund.common.identity.Actor;
import org.proxyfund.endpoint.EndpointQueries;
import org.proxyfund.endpoint.EndpointService;
import org.proxyfund.endpoint.EndpointState;

import javax.sql.DataSource;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Several scheduler instances against one PostgreSQL and real microsocks servers: shared work, leases, takeover. */
@QuarkusTest
class CheckSchedulerTest {

    @Inject
    SchedulerFactory factory;
    @Inject
    EndpointService endpoints;
    @Inject
    DataSource db;
    @Inject
    SecretCipher cipher;
    @Inject
    ObjectMapper json;
    @Inject
    EndpointQueries endpointQueries;

    @Test
    @Tag("long") // two scheduler instances over several intervals, a replica run: ./mvnw -Plong verify (docs/testing.md)
    void shouldCheckEveryEndpointOncePerIntervalWithTwoInstancesSharingTheWork() throws Exception {
        // 4 s, not shorter: the spacing bounds below leave half an interval for lease lag, which on a loaded 2-core
        // machine reached a second.
        Duration interval = Duration.ofSeconds(4);
        double seconds = interval.toMillis() / 1000.0;
        try (ScheduleFixture fixture = new ScheduleFixture(endpoints, db)) {
            for (int i = 0; i < 24; i++) fixture.socks5(true);
            TestScheduleConfig settings = TestScheduleConfig.fast().interval(interval).batch(4);
            CheckScheduler a = factory.create(settings, "monitor-a");
            CheckScheduler b = factory.create(settings, "monitor-b");
            long started = System.nanoTime();
            a.start();
            b.start();
            Thread.sleep(interval.multipliedBy(9).dividedBy(2).toMillis());
            a.stop();
            b.stop();
            double ranSeconds = (System.nanoTime() - started) / 1e9;

            List<ScheduleFixture.Result> results = fixture.results(fixture.ids());
            Map<Long, List<ScheduleFixture.Result>> byEndpoint = results.stream()
                    .collect(Collectors.groupingBy(ScheduleFixture.Result::endpointId));
            assertEquals(24, byEndpoint.size(), "every endpoint was checked");
            for (List<ScheduleFixture.Result> checks : byEndpoint.values()) {
                // First check within one interval of the start (random offset), then one per interval until the stop.
                assertTrue(checks.size() >= (int) (ranSeconds / seconds) - 1 && checks.size() <= (int) (ranSeconds / seconds) + 1,
                        "checks of one endpoint in " + ranSeconds + " s: " + checks.size());
                for (int i = 1; i < checks.size(); i++) {
                    double gap = Duration.between(checks.get(i - 1).checkedAt(), checks.get(i).checkedAt()).toMillis() / 1000.0;
                    // Twice in one interval would be ~0 s apart, a missed interval two intervals; the slack absorbs lease lag on a busy CI.
                    assertTrue(gap >= seconds / 2 && gap < seconds * 1.75, "spacing between two checks of one endpoint: " + gap + " s");
                }
                checks.forEach(c -> assertEquals("UP", c.status(), c.detail()));
            }
            Set<String> monitors = results.stream().map(ScheduleFixture.Result::monitor).collect(Collectors.toSet());
            assertEquals(Set.of("monitor-a", "monitor-b"), monitors, "both instances did work");
            assertEquals(0, fixture.scalar("SELECT count(*) FROM check_schedule WHERE endpoint_id = ANY(?) AND lease_owner IS NOT NULL",
                    fixture.ids()), "a graceful stop leaves no lease behind");
        }
    }

    @Test
    void shouldHandACrashedInstancesLeasesToAnotherAfterExpiryWithoutLosingOrDoublingAny() throws Exception {
        try (ScheduleFixture fixture = new ScheduleFixture(endpoints, db)) {
            for (int i = 0; i < 6; i++) fixture.socks5(true);
            List<Long> ids = fixture.ids();
            // The lease must outlast the crash and the survivor's first round even on a loaded machine: 5 s.
            Duration lease = Duration.ofSeconds(5);
            TestScheduleConfig settings = TestScheduleConfig.fast().lease(lease);
            CheckScheduler crashing = factory.create(settings, "monitor-crashing");
            CheckScheduler survivor = factory.create(settings, "monitor-survivor");
            fixture.makeDue(ids);

            Set<Long> held = leasedIds(crashing.lease(500));
            assertTrue(held.containsAll(ids), "the first instance leased them all");
            crashing.crash();
            survivor.runOnce();
            assertEquals(0, fixture.results(ids).size(), "leases still held by the crashed instance are not taken");

            Thread.sleep(lease.toMillis() + 200);
            survivor.runOnce();
            List<ScheduleFixture.Result> results = fixture.results(ids);
            assertEquals(ids.size(), results.size(), "each endpoint recorded exactly once after the takeover");
            assertEquals(Set.copyOf(ids), results.stream().map(ScheduleFixture.Result::endpointId).collect(Collectors.toSet()));
            results.forEach(r -> assertEquals("monitor-survivor", r.monitor()));
            results.forEach(r -> assertEquals("UP", r.status(), r.detail()));
        }
    }

    @Test
    void shouldDiscardAResultWhoseLeaseWasTakenOverAndCountIt() throws Exception {
        try (ScheduleFixture fixture = new ScheduleFixture(endpoints, db)) {
            for (int i = 0; i < 3; i++) fixture.socks5(true);
            List<Long> ids = fixture.ids();
            CheckScheduler slow = factory.create(TestScheduleConfig.fast().lease(Duration.ofSeconds(1)), "monitor-slow");
            CheckScheduler other = factory.create(TestScheduleConfig.fast(), "monitor-other");
            fixture.makeDue(ids);
            List<LeasedCheck> stale = slow.lease(500).stream().filter(l -> ids.contains(l.endpointId())).toList();
            assertEquals(3, stale.size());
            Thread.sleep(1_200);
            other.runOnce();
            double before = discardedTotal();

            TickReport late = slow.runLeased(stale);

            assertEquals(3, late.discarded(), "the slow instance's results are dropped");
            assertEquals(0, late.recorded());
            assertEquals(3, fixture.results(ids).size(), "only the instance holding the lease recorded");
            assertEquals(before + 3, discardedTotal(), 0.001);
            String metrics = org.proxyfund.common.testing.Management.given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertTrue(metrics.contains("proxyfund_checks_total{") && metrics.contains("protocol=\"SOCKS5\""), "checks counter");
            assertTrue(metrics.contains("proxyfund_check_duration_seconds_bucket{"), "latency histogram");
            assertTrue(metrics.contains("proxyfund_check_lease_lag_seconds_count"), "lease lag");
            assertTrue(metrics.contains("proxyfund_checks_in_flight{monitor=\"monitor-slow\"}"), "in-flight gauge");
            assertTrue(metrics.contains("proxyfund_monitor_impaired{monitor=\"monitor-slow\"} 0.0"), "impaired gauge");
        }
    }

    @Test
    void shouldHoldNoTransactionOpenWhileACheckWaitsOnTheNetwork() throws Exception {
        CountDownLatch accepted = new CountDownLatch(1);
        List<Socket> held = new ArrayList<>();
        try (ScheduleFixture fixture = new ScheduleFixture(endpoints, db);
             ServerSocket stall = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        Socket s = stall.accept();
                        synchronized (held) {
                            held.add(s);
                        }
                        accepted.countDown();
                    }
                } catch (Exception closed) {
                    // the test closed the listener
                }
            });
            long id = fixture.endpointAt(stall.getLocalPort());
            fixture.makeDue(List.of(id));
            CheckScheduler scheduler = factory.create(TestScheduleConfig.fast().retry(0, Duration.ZERO), "monitor-stall");
            CompletableFuture<TickReport> round = CompletableFuture.supplyAsync(scheduler::runOnce);
            assertTrue(accepted.await(10, TimeUnit.SECONDS), "the check reached the stalling server");
            Thread.sleep(300);

            assertEquals(0, fixture.scalar("""
                    SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()
                    AND state IN ('idle in transaction', 'idle in transaction (aborted)')""", List.of()),
                    "no transaction is open while the check waits");
            assertEquals(1, fixture.scalar("SELECT count(*) FROM check_schedule WHERE endpoint_id = ANY(?) AND lease_owner = 'monitor-stall'",
                    List.of(id)), "the lease is committed before the check starts");
            assertFalse(round.isDone());

            synchronized (held) {
                for (Socket s : held) s.close();
            }
            TickReport report = round.get(20, TimeUnit.SECONDS);
            assertTrue(report.leased() >= 1);
            List<ScheduleFixture.Result> results = fixture.results(List.of(id));
            assertEquals(1, results.size());
            assertEquals("DOWN", results.getFirst().status(), results.getFirst().detail());
            assertEquals(0, fixture.scalar("SELECT count(*) FROM check_schedule WHERE endpoint_id = ANY(?) AND lease_owner IS NOT NULL",
                    List.of(id)), "recording released the lease");
        }
    }

    @Test
    void shouldNeverLeaseAnEndpointThatIsNotApproved() throws Exception {
        try (ScheduleFixture fixture = new ScheduleFixture(endpoints, db)) {
            long approved = fixture.socks5(true).id();
            long suspended = fixture.socks5(true).id();
            endpoints.transitionTo(suspended, org.proxyfund.endpoint.EndpointState.SUSPENDED,
                    org.proxyfund.common.identity.Actor.system(), "resold");
            fixture.makeDue(List.of(approved, suspended));
            factory.create(TestScheduleConfig.fast(), "monitor-approved-only").runOnce();
            List<ScheduleFixture.Result> results = fixture.results(List.of(approved, suspended));
            assertEquals(1, results.size());
            assertEquals(approved, results.getFirst().endpointId());
            assertEquals(0, fixture.scalar("SELECT count(*) FROM check_schedule WHERE endpoint_id = ANY(?) AND lease_owner IS NOT NULL",
                    List.of(suspended)));
        }
    }

    @Test
    void shouldLeaseAnApprovedEndpointPastASuspendedOneDueEarlierAndMakeTheSuspendedOneDueAgainOnceReapproved() throws Exception {
        try (ScheduleFixture fixture = new ScheduleFixture(endpoints, db)) {
            long approved = fixture.socks5(true).id();
            long suspended = fixture.socks5(true).id();
            endpoints.transitionTo(suspended, EndpointState.SUSPENDED, Actor.system(), "paused");
            fixture.makeDue(List.of(approved, suspended));
            // Due long before anything other tests leave due, the suspended one first: it comes first in the claim.
            fixture.update("UPDATE check_schedule SET next_check_at = now() - interval '2 days' WHERE endpoint_id = ANY(?)", List.of(suspended));
            fixture.update("UPDATE check_schedule SET next_check_at = now() - interval '1 day' WHERE endpoint_id = ANY(?)", List.of(approved));
            ScheduleRepository schedule = new ScheduleRepository(db, cipher, json, endpointQueries);

            List<LeasedCheck> one = schedule.lease("monitor-past-suspended", 1, Duration.ofMinutes(5));
            assertEquals(List.of(approved), one.stream().map(LeasedCheck::endpointId).toList(), "the one slot goes to the approved endpoint");
            schedule.release("monitor-past-suspended", one);
            assertEquals(1, fixture.scalar("SELECT count(*) FROM check_schedule WHERE endpoint_id = ANY(?) AND next_check_at = 'infinity'"
                    + " AND lease_owner IS NULL", List.of(suspended)), "the suspended endpoint's row is parked, not leased");

            endpoints.transitionTo(suspended, EndpointState.APPROVED, Actor.system(), "back");
            schedule.insertMissing(Duration.ofSeconds(1));
            assertEquals(1, fixture.scalar("SELECT count(*) FROM check_schedule WHERE endpoint_id = ANY(?) AND next_check_at <= now()",
                    List.of(suspended)), "approved again, it is due at once");
            fixture.update("UPDATE check_schedule SET next_check_at = now() - interval '2 days' WHERE endpoint_id = ANY(?)", List.of(suspended));
            factory.create(TestScheduleConfig.fast(), "monitor-reapproved").runOnce();
            List<ScheduleFixture.Result> results = fixture.results(List.of(suspended));
            assertEquals(1, results.size(), "checked once after re-approval");
            assertEquals("UP", results.getFirst().status(), results.getFirst().detail());
        }
    }

    private static Set<Long> leasedIds(List<LeasedCheck> leases) {
        return new HashSet<>(leases.stream().map(LeasedCheck::endpointId).toList());
    }

    private static double discardedTotal() {
        String metrics = org.proxyfund.common.testing.Management.given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("proxyfund_check_results_discarded_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
