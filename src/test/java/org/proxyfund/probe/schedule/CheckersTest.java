package org.proxyfund.probe.schedule;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.Test;
import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.endpoint.HostGuard;
import org.proxyfund.endpoint.MonitorCredential;
import org.proxyfund.endpoint.TestEndpointConfig;
import org.proxyfund.probe.CheckResult;
import org.proxyfund.probe.CheckStatus;
import org.proxyfund.probe.CheckTarget;
import org.proxyfund.probe.TestProbeConfig;
import org.proxyfund.probe.tcp.TcpConnectChecker;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checkers are found by endpoint type; a type without one is UNKNOWN, never DOWN; two for one type are refused. */
@PlainLane
class CheckersTest {

    private final HostGuard guard = new HostGuard(new TestEndpointConfig("127.0.0.1"));
    private final TestProbeConfig config = new TestProbeConfig();

    @Test
    void shouldRunTheTypesCheckerAndRecordUnknownForATypeWithoutOne() throws Exception {
        Checkers checkers = new Checkers(List.of(new TcpConnectChecker(EndpointType.OPENVPN, guard, config)));
        try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            CheckTarget target = new CheckTarget("127.0.0.1", listener.getLocalPort(),
                    new MonitorCredential(EndpointType.OPENVPN, Map.of(MonitorCredential.OWNERSHIP_TOKEN, "t")));
            assertEquals(CheckStatus.UP, checkers.check(EndpointType.OPENVPN, target).status());
            CheckResult none = checkers.check(EndpointType.WIREGUARD, target);
            assertEquals(CheckStatus.UNKNOWN, none.status());
            assertEquals("no checker for this protocol yet", none.detail());
        }
    }

    @Test
    void shouldRefuseTwoCheckersForOneType() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Checkers(List.of(
                new TcpConnectChecker(EndpointType.OPENVPN, guard, config), new TcpConnectChecker(EndpointType.OPENVPN, guard, config))));
        assertTrue(e.getMessage().contains("OPENVPN"), e.getMessage());
    }
}
