package org.proxyfund.probe.tcp;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.Test;
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

import java.net.ServerSocket;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The TCP-connect fallback against a real loopback listener: UP but flagged weak, refused when closed, guarded. */
@PlainLane
class TcpConnectCheckerTest {

    private final ProbeConfig config = new TestProbeConfig();
    private final MonitorCredential none = new MonitorCredential(EndpointType.OPENVPN, Map.of());

    @Test
    void shouldBeUpButWeakWhileSomethingListensAndRefusedOnceItStops() throws Exception {
        TcpConnectChecker checker = new TcpConnectChecker(EndpointType.OPENVPN, new HostGuard(new TestEndpointConfig("127.0.0.1")), config);
        int port;
        try (ServerSocket listener = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            port = listener.getLocalPort();
            CheckResult up = checker.check(new CheckTarget("127.0.0.1", port, none));
            assertEquals(CheckStatus.UP, up.status(), up.detail());
            assertTrue(up.weakEvidence());
        }
        CheckResult down = checker.check(new CheckTarget("127.0.0.1", port, none));
        assertEquals(DownReason.CONNECT_REFUSED, down.reason(), down.detail());
    }

    @Test
    void shouldBlockATargetTheGuardRefuses() {
        TcpConnectChecker checker = new TcpConnectChecker(EndpointType.OPENVPN, new HostGuard(new TestEndpointConfig()), config);
        assertEquals(DownReason.BLOCKED_TARGET, checker.check(new CheckTarget("127.0.0.1", 1194, none)).reason());
    }
}
