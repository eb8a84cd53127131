package org.proxyfund.probe.canary;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proxyfund.probe.TestProbeConfig;

import java.io.IOException;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The canary over real loopback sockets: it answers only nonces made with its key, once each, and only while fresh. */
@PlainLane
class CanaryTest {

    private final Canary canary = new Canary(new TestProbeConfig());

    @BeforeEach
    void start() throws IOException {
        canary.start();
    }

    @AfterEach
    void stop() {
        canary.stop();
    }

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();

    @Test
    void shouldAnswerAFrameWithANonceItIssuedWithTheMacOfIt() throws IOException {
        byte[] frame = canary.newFrame();
        byte[] answer = exchange(frame);
        assertArrayEquals(canary.expectedAnswer(frame), answer);
        assertEquals(Canary.ANSWER_BYTES, answer.length);
        assertFalse(Arrays.equals(Arrays.copyOf(frame, answer.length), answer), "an echo would be forgeable by a proxy");
    }

    @Test
    void shouldStaySilentForANonceItNeverIssued() throws IOException {
        byte[] forged = canary.newFrame();
        forged[forged.length - 1] ^= 1;
        assertEquals(0, exchange(forged).length);
    }

    @Test
    void shouldAcceptEachNonceOnlyOnce() throws IOException {
        byte[] frame = canary.newFrame();
        assertArrayEquals(canary.expectedAnswer(frame), exchange(frame));
        assertEquals(0, exchange(frame).length);
    }

    @Test
    void shouldIssueAFreshNonceEveryTime() {
        assertFalse(Arrays.equals(canary.newFrame(), canary.newFrame()));
    }

    @Test
    void shouldKeepItsPortAcrossARestart() throws IOException {
        int port = canary.publicPort();
        canary.stop();
        assertFalse(canary.isRunning());
        canary.start();
        assertEquals(port, canary.publicPort());
        byte[] frame = canary.newFrame();
        assertArrayEquals(canary.expectedAnswer(frame), exchange(frame));
    }

    @Test
    void shouldAnswerAnotherReplicasNonceWhenTheyShareTheKeyAndOnlyThen() throws IOException {
        Canary replicaA = new Canary(new TestProbeConfig(), KEY);
        Canary replicaB = new Canary(new TestProbeConfig(), KEY);
        Canary stranger = new Canary(new TestProbeConfig());
        replicaB.start();
        stranger.start();
        try {
            byte[] frame = replicaA.newFrame();
            assertArrayEquals(replicaA.expectedAnswer(frame), exchange(replicaB.publicPort(), frame));
            assertEquals(0, exchange(stranger.publicPort(), replicaA.newFrame()).length);
        } finally {
            replicaB.stop();
            stranger.stop();
        }
    }

    @Test
    void shouldForgetNoncesAfterTheirTimeToLive() {
        MutableClock clock = new MutableClock();
        NonceRegistry registry = new NonceRegistry(KEY, Duration.ofMinutes(3), 10, clock);
        byte[] old = registry.issue();
        clock.now = clock.now.plus(Duration.ofMinutes(4));
        assertFalse(registry.consume(old));
        byte[] fresh = registry.issue();
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        assertTrue(registry.consume(fresh));
    }

    @Test
    void shouldRefuseANonceFromTooFarInTheFuture() {
        MutableClock clock = new MutableClock();
        NonceRegistry issuer = new NonceRegistry(KEY, Duration.ofMinutes(3), 10, clock);
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        byte[] early = issuer.issue();
        clock.now = clock.now.minus(Duration.ofMinutes(1));
        assertFalse(issuer.consume(early));
    }

    @Test
    void shouldRememberUsedNoncesOnlyUpToItsCapacity() {
        NonceRegistry registry = new NonceRegistry(KEY, Duration.ofMinutes(3), 2, Clock.systemUTC());
        byte[] first = registry.issue();
        assertTrue(registry.consume(first));
        assertTrue(registry.consume(registry.issue()));
        assertTrue(registry.consume(registry.issue()));
        assertEquals(2, registry.size());
        assertFalse(registry.consume(registry.answer(first)), "an answer is not a nonce");
    }

    private byte[] exchange(byte[] frame) throws IOException {
        return exchange(canary.publicPort(), frame);
    }

    private static byte[] exchange(int port, byte[] frame) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(2000);
            socket.getOutputStream().write(frame);
            return socket.getInputStream().readAllBytes();
        }
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
