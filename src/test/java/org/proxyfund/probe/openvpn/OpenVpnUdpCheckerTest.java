package org.proxyfund.probe.openvpn;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.Test;
import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.endpoint.MonitorCredential;
import org.proxyfund.probe.CheckResult;
import org.proxyfund.probe.CheckTarget;
import org.proxyfund.probe.DownReason;
import org.proxyfund.probe.TestProbeConfig;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** OpenVPN over UDP: a dropped packet is silence, so without a key the checker can only say TIMEOUT. */
@PlainLane
class OpenVpnUdpCheckerTest extends OpenVpnServerContract {

    @Override
    String transport() {
        return "udp";
    }

    @Override
    String proto() {
        return "udp";
    }

    @Override
    String subnet() {
        return "10.231.17";
    }

    @Test
    void shouldBeProtocolErrorWhenSomethingElseAnswersOnThePort() throws Exception {
        try (DatagramSocket echo = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            Thread echoing = Thread.ofVirtual().start(() -> {
                try {
                    DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
                    echo.receive(packet);
                    echo.send(packet);
                } catch (IOException closed) {
                    // the test is over
                }
            });
            CheckTarget target = new CheckTarget("127.0.0.1", echo.getLocalPort(), Map.of(EndpointType.TRANSPORT, "udp"),
                    new MonitorCredential(EndpointType.OPENVPN, Map.of()));
            // The echo counts only once the wait is over, so this check always waits it out.
            CheckResult result = new OpenVpnChecker(guard, new TestProbeConfig().ioTimeout(TestProbeConfig.FOREIGN_WAIT)).check(target);
            assertEquals(DownReason.PROTOCOL_ERROR, result.reason(), result.detail());
            echoing.join(1000);
        }
    }

    @Test
    void shouldTimeOutWithoutAKeyAgainstATlsAuthServer() throws Exception {
        // Silence stays silence under load: the short wait only makes this test quick.
        CheckResult result = new OpenVpnChecker(guard, new TestProbeConfig().ioTimeout(TestProbeConfig.SILENCE_WAIT)).check(target(null));
        assertEquals(DownReason.TIMEOUT, result.reason(), result.detail());
    }
}
