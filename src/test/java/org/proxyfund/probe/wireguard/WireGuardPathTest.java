package org.proxyfund.probe.wireguard;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.proxyfund.endpoint.CredentialIssuer;
import org.proxyfund.endpoint.EndpointDraft;
import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.endpoint.HostGuard;
import org.proxyfund.endpoint.MonitorCredential;
import org.proxyfund.endpoint.TestEndpointConfig;
import org.proxyfund.probe.CheckResult;
import org.proxyfund.probe.CheckStatus;
import org.proxyfund.probe.CheckTarget;
import org.proxyfund.probe.DownReason;
import org.proxyfund.probe.ProbeConfig;
import org.proxyfund.probe.TestProbeConfig;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The WireGuard checker over a bad path to a real wireguard-go: lost initiations, stray datagrams, a port that is not WireGuard. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@PlainLane
class WireGuardPathTest {

    private final ProbeConfig config = new TestProbeConfig();
    private final WireGuardCheckerTest.Settings settings = new WireGuardCheckerTest.Settings(3, 9, Duration.ofSeconds(1));
    private final WireGuardChecker checker = new WireGuardChecker(new HostGuard(new TestEndpointConfig("127.0.0.1")), config, settings);
    /** Foreign answers count only once the wait is over, so this check always waits it out. */
    private final WireGuardChecker foreignChecker = new WireGuardChecker(new HostGuard(new TestEndpointConfig("127.0.0.1")),
            new TestProbeConfig().ioTimeout(TestProbeConfig.FOREIGN_WAIT), settings);
    private final MonitorCredential issued = new CredentialIssuer().issue(EndpointType.WIREGUARD,
            new EndpointDraft(EndpointType.WIREGUARD, "127.0.0.1", 51820, "EU", Map.of()));
    private WireGuardServer server;

    @BeforeAll
    void startServer() throws Exception {
        server = new WireGuardServer(WireGuardCheckerTest.DIR).peer(WireGuardCheckerTest.publicKey(issued), "10.214.0.2", null);
        server.start();
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null) server.close();
    }

    @Test
    void shouldSendAFreshInitiationWhenTheFirstIsLostAndIgnoreStrayDatagrams() throws Exception {
        byte[] strayResponse = random(92);
        strayResponse[0] = 2;
        strayResponse[1] = strayResponse[2] = strayResponse[3] = 0;
        byte[] strayCookie = random(64);
        strayCookie[0] = 3;
        strayCookie[1] = strayCookie[2] = strayCookie[3] = 0;
        List<byte[]> strays = List.of("not wireguard".getBytes(StandardCharsets.US_ASCII), strayResponse, strayCookie);
        try (UdpRelay path = new UdpRelay(server.port(), 1, strays)) {
            long before = System.nanoTime();
            CheckResult result = checker.check(target(path.port()));
            Duration elapsed = Duration.ofNanos(System.nanoTime() - before);
            assertEquals(CheckStatus.UP, result.status(), result.detail());
            assertEquals(1, path.forwarded(), "the first initiation was lost, the second (a fresh one) went through");
            // The second initiation leaves one spacing (the wait over the attempts) after the first; counted from the
            // first, the latency would be about the whole check; counted from the answered one, at least a spacing less.
            Duration spacing = config.ioTimeout().dividedBy(settings.attempts());
            assertTrue(result.latency().compareTo(elapsed.minus(spacing)) <= 0,
                    "latency counts from the answered initiation: " + result.latency() + " of a check that took " + elapsed);
        }
    }

    @Test
    void shouldBeProtocolErrorWhenThePortAnswersButNotWithWireGuard() throws Exception {
        try (DatagramSocket notWireGuard = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            Thread.ofVirtual().start(() -> answerEverything(notWireGuard));
            CheckResult result = foreignChecker.check(target(notWireGuard.getLocalPort()));
            assertEquals(DownReason.PROTOCOL_ERROR, result.reason(), result.detail());
        }
    }

    private static void answerEverything(DatagramSocket socket) {
        byte[] buffer = new byte[2048];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        byte[] answer = "HTTP/1.0 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        try {
            while (true) {
                packet.setLength(buffer.length);
                socket.receive(packet);
                socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
            }
        } catch (java.io.IOException closed) {
            // the test closed the socket
        }
    }

    private CheckTarget target(int port) {
        return new CheckTarget("127.0.0.1", port, Map.of(EndpointType.SERVER_PUBLIC_KEY, server.publicKey()), issued);
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
