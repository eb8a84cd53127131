package org.proxyfund.probe.schedule;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.proxyfund.endpoint.EndpointService;
import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.endpoint.MonitorCredential;
import org.proxyfund.endpoint.OwnershipCheck;
import org.proxyfund.endpoint.OwnershipService;
import org.proxyfund.endpoint.OwnershipStatus;
import org.proxyfund.common.identity.Actor;
import org.proxyfund.probe.RealServer;
import org.proxyfund.probe.history.RollupService;
import org.proxyfund.probe.history.UptimeService;
import org.proxyfund.probe.history.UptimeWindow;
import org.proxyfund.probe.openvpn.OpenVpnTestPki;

import java.io.File;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OpenVPN endpoints earn only with a verified ownership token: a real openvpn server that answers our hard reset is
 * still DOWN OWNERSHIP_UNVERIFIED (uptime 0 %) until the token is found at the well-known URL the test serves, UP
 * (weak) while it is, unverified again at the next look after it is removed, and after a rotation until the new
 * token is found.
 */
@QuarkusTest
class OwnershipVerificationTest {

    @Inject
    SchedulerFactory factory;
    @Inject
    EndpointService endpoints;
    @Inject
    OwnershipService ownership;
    @Inject
    RollupService rollups;
    @Inject
    UptimeService uptime;
    @Inject
    DataSource db;

    private final Map<String, String> published = new ConcurrentHashMap<>();

    @Test
    void shouldEarnNothingWithoutAVerifiedTokenAndFollowTheTokenAtTheWellKnownUrl() throws Exception {
        OpenVpnTestPki.ensure();
        int port = RealServer.freePort();
        HttpServer web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        web.createContext("/.well-known/proxyfund/", exchange -> {
            String token = exchange.getRequestURI().getPath().substring("/.well-known/proxyfund/".length());
            String body = published.get(token);
            byte[] bytes = (body == null ? "no such token" : body).getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        web.start();
        int httpPort = web.getAddress().getPort();
        try (ScheduleFixture fixture = new ScheduleFixture(endpoints, db); RealServer vpn = openVpn(port).start()) {
            long id = fixture.endpointAt(EndpointType.OPENVPN, port,
                    Map.of(EndpointType.TRANSPORT, "tcp", EndpointType.TLS_AUTH_KEY, OpenVpnTestPki.keyText("ta.key")));
            String token = fixture.credential(id).get(MonitorCredential.OWNERSHIP_TOKEN);
            CheckScheduler scheduler = factory.create(TestScheduleConfig.fast(), "monitor-ownership");
            Instant now = Instant.now();

            ScheduleFixture.Result unseen = check(fixture, scheduler, id);
            assertEquals("OWNERSHIP_UNVERIFIED", unseen.reason(), unseen.detail());
            assertTrue(unseen.detail().contains("not verified yet"), unseen.detail());

            ownership.verifyDue(now, httpPort);
            OwnershipStatus missing = ownership.status(id);
            assertFalse(missing.verified());
            assertEquals(OwnershipCheck.Outcome.NOT_FOUND, missing.outcome(), missing.message());
            ScheduleFixture.Result notFound = check(fixture, scheduler, id);
            assertEquals("OWNERSHIP_UNVERIFIED", notFound.reason());
            assertTrue(notFound.detail().contains("404"), "the operator reads what we found: " + notFound.detail());
            rollups.rollUpHours(now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)));
            UptimeWindow day = uptime.uptime(id).h24();
            assertEquals(0, day.up());
            assertEquals(Integer.valueOf(0), day.basisPoints(), "no verified token: uptime 0 %, nothing to settle");

            published.put(token, token + "\n");
            ownership.verifyDue(now.plus(Duration.ofMinutes(5)), httpPort);
            assertEquals(missing, ownership.status(id), "not looked for again before the retry period");
            ownership.verifyDue(now.plus(Duration.ofMinutes(11)), httpPort);
            assertTrue(ownership.status(id).verified(), ownership.status(id).message());
            ScheduleFixture.Result verified = check(fixture, scheduler, id);
            assertEquals("UP", verified.status(), verified.detail());

            published.remove(token);
            ownership.verifyDue(now.plus(Duration.ofHours(5)), httpPort);
            assertTrue(ownership.status(id).verified(), "a found token counts for the period");
            ownership.verifyDue(now.plus(Duration.ofHours(7)), httpPort);
            assertFalse(ownership.status(id).verified(), "removed: unverified at the next look");
            assertEquals("OWNERSHIP_UNVERIFIED", check(fixture, scheduler, id).reason());

            published.put(token, token);
            ownership.verifyDue(now.plus(Duration.ofHours(8)), httpPort);
            assertTrue(ownership.status(id).verified());
            assertTrue(endpoints.rotate(fixture.accountIdOf(id), id, "127.0.0.1", RealServer.freePort(), Actor.system()).ok());
            assertEquals(OwnershipStatus.NOT_YET, ownership.status(id), "a rotation issues a new token: not verified for the new address");
            String rotated = fixture.credential(id).get(MonitorCredential.OWNERSHIP_TOKEN);
            published.put(rotated, rotated);
            ownership.verifyDue(now.plus(Duration.ofHours(8)), httpPort);
            assertTrue(ownership.status(id).verified(), "looked for at once after the rotation, without waiting for the period");
        } finally {
            web.stop(0);
        }
    }

    private static ScheduleFixture.Result check(ScheduleFixture fixture, CheckScheduler scheduler, long id) {
        int before = fixture.results(List.of(id)).size();
        fixture.makeDue(List.of(id));
        scheduler.runOnce();
        List<ScheduleFixture.Result> results = fixture.results(List.of(id));
        assertEquals(before + 1, results.size());
        return results.getLast();
    }

    private static RealServer openVpn(int port) {
        File pki = OpenVpnTestPki.DIR;
        return new RealServer(List.of("openvpn", "--mode", "server", "--tls-server", "--dev", "tun", "--disable-dco",
                "--topology", "subnet", "--ifconfig", "10.231.20.1", "255.255.255.0", "--ifconfig-noexec", "--route-noexec",
                "--proto", "tcp-server", "--local", "127.0.0.1", "--port", String.valueOf(port),
                "--ca", new File(pki, "ca.crt").getPath(), "--cert", new File(pki, "server.crt").getPath(),
                "--key", new File(pki, "server.key").getPath(), "--dh", "none", "--verb", "3",
                "--tls-auth", new File(pki, "ta.key").getPath(), "0"), port, new File("target/probe-servers/openvpn-ownership.log"))
                .readyWhenLogged("Initialization Sequence Completed");
    }
}
