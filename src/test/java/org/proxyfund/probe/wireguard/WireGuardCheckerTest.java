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
import org.proxyfund.probe.RealProxyContract;
import org.proxyfund.probe.TestProbeConfig;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The WireGuard checker against a real wireguard-go on a TUN device of its own, started and killed here. Needs root
 * and /dev/net/tun (CI has both); without them the tests fail with wireguard-go's message, they are never skipped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@PlainLane
class WireGuardCheckerTest {

    /** WireGuard check settings for tests: three initiations, control probe on the discard port. */
    record Settings(int attempts, int controlPort, Duration controlWait) implements WireGuardConfig {
    }

    static final File DIR = new File(RealProxyContract.LOGS, "wireguard");

    private final String subnet = "10.213." + new SecureRandom().nextInt(256) + ".";
    private final String blackhole = subnet + "99";
    private final ProbeConfig config = new TestProbeConfig();
    /** For the tests that expect silence: a silent server stays silent under load, so a short wait is enough. */
    private final ProbeConfig silence = new TestProbeConfig().ioTimeout(TestProbeConfig.SILENCE_WAIT);
    private final Settings settings = new Settings(3, 9, Duration.ofSeconds(1));
    private final HostGuard guard = new HostGuard(new TestEndpointConfig("127.0.0.1", blackhole));
    private final CredentialIssuer issuer = new CredentialIssuer();
    private final MonitorCredential issued = issue();
    private final MonitorCredential withPresharedKey = issue();
    private final MonitorCredential untouched = issue();
    private WireGuardServer server;

    @BeforeAll
    void startServer() throws Exception {
        server = new WireGuardServer(DIR)
                .peer(publicKey(issued), subnet + "2", null)
                .peer(publicKey(withPresharedKey), subnet + "3", WireGuardServer.run(null, "wg", "genpsk").trim())
                .peer(publicKey(untouched), subnet + "4", null)
                .blackhole(blackhole);
        server.start();
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null) server.close();
    }

    @Test
    void shouldBeUpWithTheIssuedMonitorKeyAndTheServerRecordsOurHandshake() throws Exception {
        long before = System.nanoTime();
        CheckResult result = checker(guard).check(target("127.0.0.1", server.publicKey(), issued));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - before);
        assertEquals(CheckStatus.UP, result.status(), result.detail());
        assertTrue(result.latency().compareTo(elapsed) <= 0, "latency " + result.latency() + " within the check's " + elapsed);
        assertTrue(result.weakEvidence(), "a handshake relays nothing, so it is weaker evidence than a nonce round trip");
        assertTrue(server.endpointOf(publicKey(issued)).startsWith("127.0.0.1:"), "wireguard-go took our initiation");
    }

    @Test
    void shouldBeAuthRejectedWithAMonitorKeyTheServerDoesNotHaveAsAPeer() {
        CheckResult result = quietChecker().check(target("127.0.0.1", server.publicKey(), issue()));
        assertEquals(DownReason.AUTH_REJECTED, result.reason(), result.detail());
        assertTrue(result.detail().contains("ignores the monitor's key"), result.detail());
    }

    @Test
    void shouldBeAuthRejectedWhenTheRegisteredServerKeyIsNotTheServers() {
        String otherServerKey = publicKey(issue());
        CheckResult result = quietChecker().check(target("127.0.0.1", otherServerKey, issued));
        assertEquals(DownReason.AUTH_REJECTED, result.reason(), result.detail());
    }

    @Test
    void shouldBeAuthRejectedWhenTheServerMixesAPresharedKeyTheMonitorDoesNotHave() {
        CheckResult result = checker(guard).check(target("127.0.0.1", server.publicKey(), withPresharedKey));
        assertEquals(DownReason.AUTH_REJECTED, result.reason(), result.detail());
        assertTrue(result.detail().contains("preshared key"), result.detail());
    }

    @Test
    void shouldTimeOutRatherThanBlameTheKeyWhenNothingOnTheHostAnswers() {
        CheckResult result = quietChecker().check(target(blackhole, server.publicKey(), issued));
        assertEquals(DownReason.TIMEOUT, result.reason(), result.detail());
    }

    @Test
    void shouldBeConnectRefusedWhileStoppedAndUpAgainAfterRestartOnTheSamePort() throws Exception {
        server.close();
        CheckResult stopped = checker(guard).check(target("127.0.0.1", server.publicKey(), issued));
        assertEquals(DownReason.CONNECT_REFUSED, stopped.reason(), stopped.detail());
        server.start();
        CheckResult restarted = checker(guard).check(target("127.0.0.1", server.publicKey(), issued));
        assertEquals(CheckStatus.UP, restarted.status(), restarted.detail());
    }

    @Test
    void shouldBlockATargetTheGuardRefusesWithoutSendingItAnything() throws Exception {
        HostGuard strict = new HostGuard(new TestEndpointConfig());
        CheckResult result = checker(strict).check(target("127.0.0.1", server.publicKey(), untouched));
        assertEquals(DownReason.BLOCKED_TARGET, result.reason());
        assertTrue(result.detail().contains("127.0.0.1"), result.detail());
        assertEquals("(none)", server.endpointOf(publicKey(untouched)), "wireguard-go never heard from this peer");
    }

    @Test
    void shouldCompleteTheHandshakeThroughACookieReplyWhileTheServerIsUnderLoad() throws Exception {
        // wireguard-go is "under load" once 128 handshake messages queue up; it then answers every initiation without
        // a valid mac2 with a cookie reply, which the checker must decrypt and use for mac2 in a fresh initiation.
        // A server under load also drops handshakes its full queue has no room for, so the path here loses the first
        // two initiations that carry mac2: the checker must keep sending them (one a second), not try once or twice and
        // wait out the rest of the check.
        byte[] stranger = Base64.getDecoder().decode(issue().get(MonitorCredential.MONITOR_PRIVATE_KEY).orElseThrow());
        byte[] ephemeral = new byte[32];
        new SecureRandom().nextBytes(ephemeral);
        byte[] flood = Initiation.create(stranger, Base64.getDecoder().decode(server.publicKey()), ephemeral, 7, Instant.now(), null).message();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch underLoad = new CountDownLatch(1);
        Thread flooder = Thread.ofPlatform().name("wireguard-flood").start(() -> flood(flood, stop, underLoad));
        try (UdpRelay path = new UdpRelay(server.port(), 2, WireGuardCheckerTest::carriesMac2, List.of())) {
            // Wait for the event, not a clock: the server answers the flood with cookie replies once it is under load.
            assertTrue(underLoad.await(60, TimeUnit.SECONDS), "wireguard-go never came under load");
            CheckResult result = checker(guard).check(target("127.0.0.1", path.port(), server.publicKey(), issued));
            assertEquals(CheckStatus.UP, result.status(), result.detail());
            assertTrue(result.detail().contains("after a cookie reply"), "the server was not under load: " + result.detail());
            assertTrue(path.forwarded() >= 2, "an initiation without mac2, then one with mac2 after the two lost");
        } finally {
            stop.set(true);
            flooder.join();
        }
    }

    /** A handshake initiation (type 1) whose mac2, its last bytes, is set: it was made from a cookie. */
    private static boolean carriesMac2(byte[] datagram) {
        int mac2 = Initiation.INITIATION_BYTES - Noise.MAC_BYTES;
        return datagram.length == Initiation.INITIATION_BYTES && datagram[0] == 1
                && !Arrays.equals(datagram, mac2, datagram.length, new byte[Noise.MAC_BYTES], 0, Noise.MAC_BYTES);
    }

    /**
     * Bursts of one initiation with a valid mac1 (but from no peer), every 100 ms until stopped; the first cookie reply
     * the server sends back (type 3, 64 bytes) counts {@code underLoad} down.
     */
    private void flood(byte[] initiation, AtomicBoolean stop, CountDownLatch underLoad) {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()));
            Thread.ofVirtual().start(() -> {
                byte[] buffer = new byte[256];
                DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
                try {
                    while (underLoad.getCount() > 0) {
                        reply.setLength(buffer.length);
                        socket.receive(reply);
                        if (reply.getLength() == 64 && buffer[0] == 3) underLoad.countDown();
                    }
                } catch (IOException closed) {
                    // the flood is over
                }
            });
            DatagramPacket packet = new DatagramPacket(initiation, initiation.length);
            while (!stop.get()) {
                for (int i = 0; i < 1500; i++) socket.send(packet);
                Thread.sleep(100);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    WireGuardChecker checker(HostGuard hostGuard) {
        return new WireGuardChecker(hostGuard, config, settings);
    }

    WireGuardChecker quietChecker() {
        return new WireGuardChecker(guard, silence, settings);
    }

    CheckTarget target(String host, String serverPublicKey, MonitorCredential credential) {
        return target(host, server.port(), serverPublicKey, credential);
    }

    CheckTarget target(String host, int port, String serverPublicKey, MonitorCredential credential) {
        return new CheckTarget(host, port, Map.of(EndpointType.SERVER_PUBLIC_KEY, serverPublicKey), credential);
    }

    private MonitorCredential issue() {
        return issuer.issue(EndpointType.WIREGUARD, new EndpointDraft(EndpointType.WIREGUARD, "127.0.0.1", 51820, "EU", Map.of()));
    }

    static String publicKey(MonitorCredential credential) {
        return credential.get(MonitorCredential.MONITOR_PUBLIC_KEY).orElseThrow();
    }
}
