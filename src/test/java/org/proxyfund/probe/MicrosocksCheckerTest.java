package org.proxyfund.probe;

import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.endpoint.HostGuard;

import java.io.File;
import java.util.List;

/** The SOCKS5 checker against a real microsocks with username/password. */
class MicrosocksCheckerTest extends RealProxyContract {

    @Override
    EndpointType type() {
        return EndpointType.SOCKS5;
    }

    @Override
    Checker checker(HostGuard hostGuard) {
        return new Socks5Checker(hostGuard, canary, config);
    }

    @Override
    RealServer server(int port) {
        return new RealServer(List.of("microsocks", "-i", "127.0.0.1", "-p", String.valueOf(port),
                "-u", username(), "-P", password()), port, new File(LOGS, "microsocks.log"));
    }

    @Override
    String username() {
        return "pf-microsocks";
    }

    @Override
    String password() {
        return "Issued2Secret";
    }
}
