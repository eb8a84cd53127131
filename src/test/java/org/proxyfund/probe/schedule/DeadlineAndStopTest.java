package org.proxyfund.probe.schedule;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.proxyfund.endpoint.EndpointService;
import org.proxyfund.probe.TestSocks5Relay;
import org.proxyfund.probe.history.CurrentCheck;
import org.proxyfund.probe.history.UptimeService;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The overall deadline of a check and the graceful stop, against test SOCKS5 relays the test switches: a relay that
 * is honest for its first check and then trickles one byte at a time (each inside the read timeout) is recorded DOWN
 * within two intervals; a stopping scheduler records what finishes and hands the rest back at once.
 */
@QuarkusTest
class DeadlineAndStopTest {

    @Inject
    SchedulerFactory factory;
    @Inject
    EndpointService endpoints;
    @Inject
    DataSource db;
    @Inject
    UptimeService uptime;

    @Test
    @Tag("long") // wall-clock intervals (15 s) decide its length: ./mvnw -Plong verify (docs/testing.md)
    void shouldRecordATricklingRelayDownWithinTwoIntervalsAndNeverShowAnUpOlderThanTwoIntervals() throws Exception {
        Duration interval = Duration.ofSeconds(15);
        try (ScheduleFixture fixture = new ScheduleFixture(endpoints, db)) {
            // Read timeout of the application's checkers: 5 s; the trickle (one byte every 1.5 s) never trips it.
            TestSocks5Relay relay = new TestSocks5Relay("", "").trickleEvery(1500);
            long id = fixture.relay(relay);
            fixture.makeDue(List.of(id));
            CheckScheduler scheduler = factory.create(TestScheduleConfig.fast().interval(interval).deadline(Duration.ofSeconds(5))
                    .retry(1, Duration.ofMillis(500)).lease(Duration.ofSeconds(40)), "monitor-trickle");
            scheduler.start();
            try {
                awaitResults(fixture, id, 1, Duration.ofSeconds(40));
                fixture.results(List.of(id)).forEach(r -> assertEquals("UP", r.status(), "honest at first: " + r.detail()));
                relay.behaviour(TestSocks5Relay.Behaviour.TRICKLE);
                Instant trickling = Instant.now();
                Instant limit = trickling.plus(interval.multipliedBy(2));
                ScheduleFixture.Result down = null;
                Instant seen = null;
                while (down == null && Instant.now().isBefore(limit.plusSeconds(5))) {
                    CurrentCheck shown = uptime.current(id);
                    if ("UP".equals(shown.state())) {
                        assertTrue(shown.lastCheckedAt().toInstant().isAfter(Instant.now().minus(interval.multipliedBy(2))),
                                "shown Up only on a result younger than two intervals: " + shown);
                    }
                    down = fixture.results(List.of(id)).stream().filter(r -> "DOWN".equals(r.status())).findFirst().orElse(null);
                    seen = Instant.now();
                    Thread.sleep(250);
                }
                assertTrue(down != null, "the trickling relay was recorded DOWN");
                System.out.printf("[deadline] trickling relay recorded DOWN %d ms after it began to trickle (interval %d s)%n",
                        Duration.between(trickling, seen).toMillis(), interval.toSeconds());
                assertTrue(seen.isBefore(limit), "recorded within two intervals of the trickle's start ("
                        + Duration.between(trickling, seen).toMillis() + " ms after it)");
                assertEquals("TIMEOUT", down.reason());
                assertEquals(2, down.attempts(), "retried once, each attempt cut at its deadline");
                assertTrue(down.detail().contains("overall deadline of 5 s"), down.detail());
                assertEquals("DOWN", uptime.current(id).state());
            } finally {
                scheduler.stop();
            }
            // No fresh result for more than two intervals: shown STALE, never as the last status.
            fixture.update("UPDATE check_schedule SET last_status = 'UP', last_reason = NULL,"
                    + " last_checked_at = now() - interval '121 seconds' WHERE endpoint_id = ANY(?)", List.of(id));
            CurrentCheck stale = uptime.current(id);
            assertEquals("STALE", stale.state(), "with the application's 60 s interval, 121 s is more than two intervals");
            assertEquals("UP", stale.lastStatus());
        }
    }

    @Test
    void shouldRecordChecksThatFinishWhileStoppingAndReleaseTheRestForAnotherInstanceAtOnce() throws Exception {
        try (ScheduleFixture fixture = new ScheduleFixture(endpoints, db)) {
            List<Long> slow = new ArrayList<>();
            List<Long> trickling = new ArrayList<>();
            for (int i = 0; i < 10; i++) slow.add(fixture.relay(new TestSocks5Relay("", "").delay(2500)));
            for (int i = 0; i < 10; i++) {
                trickling.add(fixture.relay(new TestSocks5Relay("", "").behaviour(TestSocks5Relay.Behaviour.TRICKLE).trickleEvery(1000)));
            }
            fixture.makeDue(fixture.ids());
            TestScheduleConfig settings = TestScheduleConfig.fast().deadline(Duration.ofSeconds(30)).lease(Duration.ofSeconds(90))
                    .stopGrace(Duration.ofSeconds(5));
            CheckScheduler stopping = factory.create(settings, "monitor-stopping");
            stopping.start();
            long waitUntil = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (stopping.inFlight() < 20 && System.nanoTime() < waitUntil) Thread.sleep(20);
            assertEquals(20, stopping.inFlight(), "all twenty checks in flight");

            long before = System.nanoTime();
            stopping.stop();
            double stopSeconds = (System.nanoTime() - before) / 1e9;

            assertTrue(stopSeconds < 5 + 5, "stopped within the grace and the release wait: " + stopSeconds + " s");
            System.out.printf("[stop] 20 checks in flight, stopped in %.1f s (grace 5 s)%n", stopSeconds);
            List<ScheduleFixture.Result> recorded = fixture.results(fixture.ids());
            assertEquals(Set.copyOf(slow), new HashSet<>(recorded.stream().map(ScheduleFixture.Result::endpointId).toList()),
                    "the slow checks finished during the grace and were recorded; the trickling ones were not");
            recorded.forEach(r -> assertEquals("UP", r.status(), r.detail()));
            assertEquals(0, fixture.scalar("SELECT count(*) FROM check_schedule WHERE endpoint_id = ANY(?) AND lease_owner IS NOT NULL",
                    fixture.ids()), "no lease left behind");
            assertEquals(10, fixture.scalar("SELECT count(*) FROM check_schedule WHERE endpoint_id = ANY(?) AND next_check_at <= now()",
                    trickling), "the released endpoints are still due");

            CheckScheduler next = factory.create(settings, "monitor-next");
            Set<Long> taken = new HashSet<>(next.lease(500).stream().map(LeasedCheck::endpointId).toList());
            assertTrue(taken.containsAll(trickling), "another instance leases the released endpoints at once: " + taken);
            next.crash();
        }
    }

    private static void awaitResults(ScheduleFixture fixture, long id, int count, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (fixture.results(List.of(id)).size() < count && System.nanoTime() < until) Thread.sleep(100);
        List<ScheduleFixture.Result> results = fixture.results(List.of(id));
        assertTrue(results.size() >= count, "results so far: " + results);
    }
}
