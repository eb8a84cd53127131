package org.proxyfund.probe.schedule;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.proxyfund.endpoint.EndpointService;
import org.proxyfund.probe.canary.Canary;
import org.proxyfund.probe.history.EndpointUptime;
import org.proxyfund.probe.history.RollupService;
import org.proxyfund.probe.history.UptimeService;
import org.proxyfund.probe.history.UptimeWindow;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The monitor's own outages become UNKNOWN, never operator downtime; a DOWN is retried before it counts. */
@QuarkusTest
class SchedulerImpairmentTest {

    @Inject
    SchedulerFactory factory;
    @Inject
    EndpointService endpoints;
    @Inject
    DataSource db;
    @Inject
    Canary canary;
    @Inject
    RollupService rollups;
    @Inject
    UptimeService uptime;

    @Test
    void shouldRecordARoundWithTheCanaryDownAsUnknownAndLeaveUptimeUnchanged() throws Exception {
        try (ScheduleFixture fixture = new ScheduleFixture(endpoints, db)) {
            for (int i = 0; i < 3; i++) fixture.socks5(true);
            long stopped = fixture.socks5(false).id();
            List<Long> ids = fixture.ids();
            CheckScheduler scheduler = factory.create(TestScheduleConfig.fast().retry(0, Duration.ZERO), "monitor-canary");

            fixture.makeDue(ids);
            assertTrue(scheduler.runOnce().healthy());
            rollups.rollUpHours(Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofHours(1)));
            long[] healthy = rollupSums(fixture, ids);
            Map<Long, EndpointUptime> uptimeBefore = ids.stream().collect(Collectors.toMap(id -> id, uptime::uptime));
            assertEquals(3, healthy[0], "up");
            assertEquals(1, healthy[1], "down: the endpoint whose server is stopped");

            canary.stop();
            TickReport impaired;
            try {
                fixture.makeDue(ids);
                impaired = scheduler.runOnce();
            } finally {
                canary.start();
            }
            assertFalse(impaired.healthy());
            assertEquals(1, fixture.scalar("""
                    SELECT count(*) FROM monitor_round WHERE monitor = 'monitor-canary' AND NOT healthy
                    AND detail LIKE '%canary%'""", List.of()), "one unhealthy round recorded, saying why");
            List<ScheduleFixture.Result> latest = fixture.results(ids).stream()
                    .filter(r -> r.detail().startsWith("monitor impaired")).toList();
            assertEquals(4, latest.size(), "every check of the impaired round, the stopped endpoint's too");
            latest.forEach(r -> assertEquals("UNKNOWN", r.status()));
            assertTrue(latest.getFirst().detail().contains("canary"), latest.getFirst().detail());

            rollups.rollUpHours(Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofHours(1)));
            long[] after = rollupSums(fixture, ids);
            assertEquals(healthy[0], after[0], "up count unchanged");
            assertEquals(healthy[1], after[1], "down count unchanged");
            assertEquals(healthy[2] + 4, after[2], "the impaired round counted as unknown");
            assertEquals((double) healthy[0] / (healthy[0] + healthy[1]), (double) after[0] / (after[0] + after[1]), 1e-9,
                    "uptime = up / (up + down) unchanged by the impaired round");
            for (long id : ids) {
                EndpointUptime before = uptimeBefore.get(id);
                EndpointUptime now = uptime.uptime(id);
                for (int w = 0; w < 3; w++) {
                    UptimeWindow b = List.of(before.h24(), before.d7(), before.d30()).get(w);
                    UptimeWindow a = List.of(now.h24(), now.d7(), now.d30()).get(w);
                    assertEquals(b.basisPoints(), a.basisPoints(), "the dashboard's uptime of endpoint " + id + " unchanged");
                    assertEquals(b.up() + b.down(), a.up() + a.down(), "no check of the impaired round counted for or against");
                    assertEquals(b.unknown() + 1, a.unknown(), "the impaired round shows as unknown");
                }
            }
            assertEquals(Integer.valueOf(0), uptime.uptime(stopped).h24().basisPoints(), "the stopped endpoint stays at 0 %, not 'no data'");
            assertEquals(1, fixture.scalar("SELECT count(*) FROM check_schedule WHERE endpoint_id = ANY(?) AND down_since IS NOT NULL",
                    List.of(stopped)), "the stopped endpoint is still down since its real DOWN");
        }
    }

    @Test
    void shouldRecordUpWhenTheRetrySucceedsAndDownWithTwoAttemptsWhenItFails() throws Exception {
        try (ScheduleFixture fixture = new ScheduleFixture(endpoints, db)) {
            ScheduleFixture.Served late = fixture.socks5(false);
            long never = fixture.socks5(false).id();
            List<Long> ids = fixture.ids();
            CheckScheduler scheduler = factory.create(TestScheduleConfig.fast().retry(1, Duration.ofSeconds(2)), "monitor-retry");
            fixture.makeDue(ids);
            // The first attempt at "late" meets a listener that resets the connection (DOWN); then the real server starts.
            CountDownLatch firstAttempt = new CountDownLatch(1);
            ServerSocket resetter = new ServerSocket(late.server().port(), 5, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(() -> {
                try (resetter; Socket s = resetter.accept()) {
                    s.setSoLinger(true, 0); // RST, so no TIME_WAIT keeps the port from the real server
                } catch (Exception e) {
                    // closed by the test
                }
                firstAttempt.countDown();
            });

            CompletableFuture<TickReport> round = CompletableFuture.supplyAsync(scheduler::runOnce);
            assertTrue(firstAttempt.await(20, TimeUnit.SECONDS), "the first attempt was made");
            late.server().start();
            round.get(30, TimeUnit.SECONDS);

            List<ScheduleFixture.Result> results = fixture.results(ids);
            assertEquals(2, results.size());
            ScheduleFixture.Result up = results.stream().filter(r -> r.endpointId() == late.id()).findFirst().orElseThrow();
            assertEquals("UP", up.status(), up.detail());
            assertEquals(2, up.attempts());
            ScheduleFixture.Result down = results.stream().filter(r -> r.endpointId() == never).findFirst().orElseThrow();
            assertEquals("DOWN", down.status(), down.detail());
            assertEquals("CONNECT_REFUSED", down.reason());
            assertEquals(2, down.attempts());
        }
    }

    /** up, down and unknown summed over the hourly rollups of these endpoints. */
    private static long[] rollupSums(ScheduleFixture fixture, List<Long> ids) {
        return new long[]{
                fixture.scalar("SELECT coalesce(sum(up_count), 0) FROM check_rollup_hourly WHERE endpoint_id = ANY(?)", ids),
                fixture.scalar("SELECT coalesce(sum(down_count), 0) FROM check_rollup_hourly WHERE endpoint_id = ANY(?)", ids),
                fixture.scalar("SELECT coalesce(sum(unknown_count), 0) FROM check_rollup_hourly WHERE endpoint_id = ANY(?)", ids)};
    }
}
