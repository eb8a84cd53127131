package org.proxyfund.probe.socks5;

import org.proxyfund.common.testing.PlainLane;
import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.endpoint.HostGuard;
import org.proxyfund.probe.Checker;
import org.proxyfund.probe.RealProxyContract;
import org.proxyfund.probe.RealServer;

import java.io.File;
import java.util.List;

/** The SOCKS5 checker against a real microsocks with username/password. */
@PlainLane
class MicrosocksCheckerTest extends RealProxyContract {

    @Override
    protected EndpointType type() {
        return EndpointType.SOCKS5;
    }

    @Override
    protected Checker checker(HostGuard hostGuard) {
        return new Socks5Checker(hostGuard, canary, config);
    }

    @Override
    protected RealServer server(int port) {
        return new RealServer(List.of("microsocks", "-i", "127.0.0.1", "-p", String.valueOf(port),
                "-u", username(), "-P", password()), port, new File(LOGS, "microsocks.log"));
    }

    @Override
    protected String username() {
        return "pf-microsocks";
    }

    @Override
    protected String password() {
        return "Issued2Secret";
    }
}
