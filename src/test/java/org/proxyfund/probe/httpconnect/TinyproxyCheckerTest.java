package org.proxyfund.probe.httpconnect;

import org.proxyfund.common.testing.PlainLane;
import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.endpoint.HostGuard;
import org.proxyfund.probe.Checker;
import org.proxyfund.probe.RealProxyContract;
import org.proxyfund.probe.RealServer;

import java.io.File;
import java.nio.file.Files;
import java.util.List;

/** The HTTP CONNECT checker against a real tinyproxy with BasicAuth, allowed to CONNECT only to the canary's port. */
@PlainLane
class TinyproxyCheckerTest extends RealProxyContract {

    @Override
    protected EndpointType type() {
        return EndpointType.HTTP_CONNECT;
    }

    @Override
    protected Checker checker(HostGuard hostGuard) {
        return new HttpConnectChecker(hostGuard, canary, config);
    }

    @Override
    protected RealServer server(int port) throws Exception {
        File conf = new File(LOGS, "tinyproxy.conf");
        Files.writeString(conf.toPath(), String.join("\n",
                "Port " + port, "Listen 127.0.0.1", "Timeout 10", "MaxClients 20", "Allow 127.0.0.1",
                "BasicAuth " + username() + " " + password(), "ConnectPort " + canary.publicPort(), "LogLevel Info", ""));
        return new RealServer(List.of("tinyproxy", "-d", "-c", conf.getPath()), port, new File(LOGS, "tinyproxy.log"));
    }

    @Override
    protected String username() {
        return "pf-tinyproxy";
    }

    @Override
    protected String password() {
        return "Issued2Secret";
    }
}
