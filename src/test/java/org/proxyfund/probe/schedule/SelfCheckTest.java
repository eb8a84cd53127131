package org.proxyfund.probe.schedule;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proxyfund.probe.RealServer;
import org.proxyfund.probe.TestProbeConfig;
import org.proxyfund.probe.canary.Canary;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The monitor's self-check against a real canary and real reference listeners on loopback. */
@PlainLane
class SelfCheckTest {

    private final TestProbeConfig config = new TestProbeConfig();
    private final Canary canary = new Canary(config);
    private final List<SelfCheck.Verdict> rounds = new ArrayList<>();

    @BeforeEach
    void startCanary() throws Exception {
        canary.start();
    }

    @AfterEach
    void stopCanary() {
        canary.stop();
    }

    @Test
    void shouldBeHealthyWhenTheCanaryEchoesAndImpairedWhileItIsStopped() throws Exception {
        SelfCheck self = new SelfCheck(canary, config, List.of(), rounds::add);
        assertTrue(self.run().healthy());
        long before = System.nanoTime();
        canary.stop();
        SelfCheck.Verdict down = self.run();
        assertFalse(down.healthy());
        assertTrue(down.detail().contains("canary"), down.detail());
        assertTrue(self.failedSince(before));
        canary.start();
        assertTrue(self.run().healthy());
        assertEquals(3, rounds.size(), "every self-check is reported (the scheduler writes it as a monitor_round)");
    }

    @Test
    void shouldNeedOneReachableReferenceEndpointWhenSomeAreConfigured() throws Exception {
        String closed = "127.0.0.1:" + RealServer.freePort();
        try (ServerSocket open = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            SelfCheck oneUp = new SelfCheck(canary, config, List.of(closed, "127.0.0.1:" + open.getLocalPort()), rounds::add);
            assertTrue(oneUp.run().healthy());
        }
        SelfCheck noneUp = new SelfCheck(canary, config, List.of(closed), rounds::add);
        SelfCheck.Verdict verdict = noneUp.run();
        assertFalse(verdict.healthy());
        assertTrue(verdict.detail().contains("reference endpoints"), verdict.detail());
    }

    @Test
    void shouldShareOneFreshSelfCheckAmongChecksThatEndTogether() {
        SelfCheck self = new SelfCheck(canary, config, List.of(), rounds::add);
        long checkStarted = System.nanoTime();
        SelfCheck.Verdict first = self.runSince(checkStarted);
        assertSame(first, self.runSince(checkStarted), "a self-check started after the check began is reused");
        assertEquals(1, rounds.size());
        self.runSince(System.nanoTime());
        assertEquals(2, rounds.size(), "a check that began later gets a newer self-check");
    }
}
