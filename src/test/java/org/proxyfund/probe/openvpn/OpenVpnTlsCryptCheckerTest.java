package org.proxyfund.probe.openvpn;

import org.proxyfund.common.testing.PlainLane;
import org.proxyfund.endpoint.EndpointType;

import java.io.File;
import java.util.List;

/** OpenVPN over UDP with tls-crypt: control packets encrypted and authenticated under the operator's key. */
@PlainLane
class OpenVpnTlsCryptCheckerTest extends OpenVpnServerContract {

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
        return "10.231.19";
    }

    @Override
    List<String> keyOption(File key) {
        return List.of("--tls-crypt", key.getPath());
    }

    @Override
    String keyField() {
        return EndpointType.TLS_CRYPT_KEY;
    }
}
