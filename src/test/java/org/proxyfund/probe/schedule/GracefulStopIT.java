package org.proxyfund.probe.schedule;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.proxyfund.common.testing.ServiceProcess;
import org.proxyfund.operator.WebClient;
import org.proxyfund.payout.ProcessHarness;
import org.proxyfund.probe.TestSocks5Relay;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGTERM to the packaged service with at least 50 of 60 checks in flight (40 slow but finishing relays, 20 trickling impostors): it
 * stops in under 30 s, records every check that finished during its stop grace, logs nothing as failing after the
 * signal, and leaves the trickling endpoints unleased and due, so a second instance leases them as soon as it runs,
 * long before the first one's leases would have expired.
 */
@Tag("long") // a packaged service in processes of its own: ./mvnw -Plong verify
class GracefulStopIT {

    static final int SLOW = 40;
    static final int TRICKLING = 20;
    static final Duration START = Duration.ofMinutes(3);
    static final Duration LEASE = Duration.ofMinutes(10);

    @Test
    void shouldStopWithFiftyChecksInFlightWithinThirtySecondsRecordingTheFinishedAndReleasingTheRest() throws Exception {
        List<TestSocks5Relay> relays = new ArrayList<>();
        try (ProcessHarness h = new ProcessHarness()) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            ServiceProcess first = h.start("stop-a", settings("stop-a", key)).awaitReady(START);

            WebClient operator = new WebClient().at(first.baseUri());
            operator.signUp("graceful");
            String token = operator.createApiToken();
            List<Long> slow = new ArrayList<>();
            List<Long> trickling = new ArrayList<>();
            for (int i = 0; i < SLOW + TRICKLING; i++) {
                TestSocks5Relay relay = new TestSocks5Relay("", "");
                if (i < SLOW) relay.delay(3000); // under the 5 s read timeout: slow, but an honest answer
                else relay.behaviour(TestSocks5Relay.Behaviour.TRICKLE).trickleEvery(1000);
                relay.start();
                relays.add(relay);
                JsonPath j = register(first, token, relay.port());
                relay.credential(j.getString("credential.username"), j.getString("credential.password"));
                (i < SLOW ? slow : trickling).add(j.getLong("id"));
            }
            List<Long> all = new ArrayList<>(slow);
            all.addAll(trickling);
            h.number("WITH u AS (UPDATE endpoint SET state = 'APPROVED' WHERE id = ANY(?) RETURNING id) SELECT count(*) FROM u",
                    (Object) all.toArray(Long[]::new));

            // A newly approved endpoint's first check falls at random within the interval; make them all due now.
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (h.number("SELECT count(*) FROM check_schedule WHERE endpoint_id = ANY(?)", (Object) all.toArray(Long[]::new)) < all.size()
                    && System.nanoTime() < until) ProcessHarness.sleep(50);
            h.number("WITH u AS (UPDATE check_schedule SET next_check_at = now() WHERE endpoint_id = ANY(?) RETURNING 1) SELECT count(*) FROM u",
                    (Object) all.toArray(Long[]::new));
            until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (leased(h, all, "stop-a") + results(h, all, null) < all.size() && System.nanoTime() < until) ProcessHarness.sleep(50);
            long leaseExpiry = h.number("SELECT extract(epoch FROM min(lease_expires_at))::bigint FROM check_schedule WHERE endpoint_id = ANY(?)",
                    (Object) trickling.toArray(Long[]::new));

            long inFlight = leased(h, all, "stop-a");
            assertTrue(inFlight >= 50, "at least 50 checks in flight at the signal: " + inFlight + "\n" + first.tail(30));
            int logBefore = first.log().length();
            long before = System.nanoTime();
            first.close();
            double stopSeconds = (System.nanoTime() - before) / 1e9;
            assertFalse(first.alive());
            System.out.printf("[graceful-stop] %d checks in flight, stopped in %.1f s after SIGTERM%n", inFlight, stopSeconds);
            assertTrue(stopSeconds < 30, "stopped in " + stopSeconds + " s");

            assertEquals(SLOW, results(h, slow, "UP"), "every slow check finished during the stop grace and was recorded UP");
            assertEquals(0, results(h, trickling, null), "the trickling checks were cut off unrecorded");
            assertEquals(0, h.number("SELECT count(*) FROM check_schedule WHERE endpoint_id = ANY(?) AND lease_owner IS NOT NULL",
                    (Object) all.toArray(Long[]::new)), "no lease left behind");
            assertEquals(TRICKLING, h.number("SELECT count(*) FROM check_schedule WHERE endpoint_id = ANY(?) AND next_check_at <= now()",
                    (Object) trickling.toArray(Long[]::new)), "the released endpoints are due at once");
            String afterSignal = first.log().substring(logBefore);
            assertTrue(afterSignal.contains("Check scheduler stop-a stopped; " + TRICKLING + " unfinished checks released their leases"), afterSignal);
            for (String line : afterSignal.lines().toList()) {
                boolean ours = line.contains("[org.proxyfund.") || line.contains("[io.agroal") || line.contains("[org.hibernate");
                boolean peerNoise = line.contains("[org.bitcoinj.");
                assertFalse(line.contains("ERROR") || line.contains("Exception") || (line.contains(" WARN ") && !peerNoise)
                                || (ours && line.contains("failed")),
                        "nothing logged as failing after SIGTERM: " + line + "\n" + afterSignal);
            }

            ServiceProcess second = h.start("stop-b", settings("stop-b", key)).awaitReady(START);
            until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (touchedBy(h, trickling, "stop-b") < TRICKLING && System.nanoTime() < until) ProcessHarness.sleep(100);
            assertEquals(TRICKLING, touchedBy(h, trickling, "stop-b"), "the second instance took every released endpoint:\n" + second.tail(30));
            assertTrue(System.currentTimeMillis() / 1000 < leaseExpiry,
                    "taken before the first instance's leases would have expired: they were released, not left to expire");
        } finally {
            relays.forEach(TestSocks5Relay::close);
        }
    }

    private static Map<String, String> settings(String name, byte[] key) {
        Map<String, String> c = new HashMap<>();
        c.put("proxyfund.secrets.key", Base64.getEncoder().encodeToString(key));
        c.put("proxyfund.endpoint.allowed-hosts", "127.0.0.1");
        c.put("proxyfund.endpoint.max-per-operator", "100");
        c.put("proxyfund.probe.schedule.enabled", "true");
        c.put("proxyfund.probe.schedule.monitor-id", name);
        c.put("proxyfund.probe.schedule.interval", "60s");
        c.put("proxyfund.probe.schedule.tick-period", "200ms");
        c.put("proxyfund.probe.schedule.lease-duration", LEASE.toSeconds() + "s");
        c.put("proxyfund.probe.schedule.check-deadline", "60s");
        c.put("proxyfund.probe.schedule.stop-grace", "12s");
        // Deterministic connections per check: one tunnel to the canary (the controls are tested on their own).
        c.put("proxyfund.probe.negative-control-rate", "0");
        return c;
    }

    private static JsonPath register(ServiceProcess s, String token, int port) {
        URI on = URI.create(s.baseUri());
        Response r = given().baseUri("http://" + on.getHost()).port(on.getPort()).header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON)
                .body(Map.of("type", "SOCKS5", "host", "127.0.0.1", "port", port, "region", "EU", "protocolFields", Map.of()))
                .post("/api/v1/endpoints");
        assertEquals(201, r.statusCode(), r.asString());
        return r.jsonPath();
    }

    private static long leased(ProcessHarness h, List<Long> ids, String owner) {
        return h.number("SELECT count(*) FROM check_schedule WHERE endpoint_id = ANY(?) AND lease_owner = ?", ids.toArray(Long[]::new), owner);
    }

    /** Endpoints leased by {@code monitor} now or with a result from it. */
    private static long touchedBy(ProcessHarness h, List<Long> ids, String monitor) {
        return h.number("SELECT count(DISTINCT s.endpoint_id) FROM check_schedule s WHERE s.endpoint_id = ANY(?) AND (s.lease_owner = ?"
                + " OR EXISTS (SELECT 1 FROM check_result r WHERE r.endpoint_id = s.endpoint_id AND r.monitor = ?))", ids.toArray(Long[]::new), monitor, monitor);
    }

    /** Endpoints with a recorded result (of this status, or any when null). */
    private static long results(ProcessHarness h, List<Long> ids, String status) {
        return h.number("SELECT count(DISTINCT endpoint_id) FROM check_result WHERE endpoint_id = ANY(?) AND (?::text IS NULL OR status = ?)",
                ids.toArray(Long[]::new), status, status);
    }
}
