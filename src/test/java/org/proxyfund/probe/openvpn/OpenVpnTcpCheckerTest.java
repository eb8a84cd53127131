package org.proxyfund.probe.openvpn;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.Test;
import org.proxyfund.probe.CheckResult;
import org.proxyfund.probe.DownReason;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** OpenVPN over TCP (2-byte length before each packet): the server closes the connection on a packet it cannot authenticate. */
@PlainLane
class OpenVpnTcpCheckerTest extends OpenVpnServerContract {

    @Override
    String transport() {
        return "tcp";
    }

    @Override
    String proto() {
        return "tcp-server";
    }

    @Override
    String subnet() {
        return "10.231.18";
    }

    @Test
    void shouldBeAuthRejectedWithoutAKeyAgainstATlsAuthServer() throws Exception {
        CheckResult result = check(null);
        assertEquals(DownReason.AUTH_REJECTED, result.reason(), result.detail());
    }
}
