package org.proxyfund.probe;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** OpenVPN over UDP: a dropped packet is silence, so without a key the checker can only say TIMEOUT. */
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
    void shouldTimeOutWithoutAKeyAgainstATlsAuthServer() throws Exception {
        CheckResult result = check(null);
        assertEquals(DownReason.TIMEOUT, result.reason(), result.detail());
    }
}
