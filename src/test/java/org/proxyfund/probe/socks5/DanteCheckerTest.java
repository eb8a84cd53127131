package org.proxyfund.probe.socks5;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.Assumptions;
import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.endpoint.HostGuard;
import org.proxyfund.probe.Checker;
import org.proxyfund.probe.RealProxyContract;
import org.proxyfund.probe.RealServer;

import java.io.File;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

/**
 * The SOCKS5 checker against a real danted. Dante's "username" method checks the system's password database, so the
 * test creates a throwaway local user (needs root, as in CI) and deletes it afterwards.
 */
@PlainLane
class DanteCheckerTest extends RealProxyContract {

    private static final String USER = "pfprobe" + (ProcessHandle.current().pid() % 100000);
    private final String password = "Dante" + UUID.randomUUID().toString().substring(0, 12);
    private boolean userCreated;

    @Override
    protected EndpointType type() {
        return EndpointType.SOCKS5;
    }

    @Override
    protected Checker checker(HostGuard hostGuard) {
        return new Socks5Checker(hostGuard, canary, config);
    }

    @Override
    protected RealServer server(int port) throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "danted's username method needs a system user; run as root");
        run("useradd", "-M", "-N", "-s", "/usr/sbin/nologin", USER);
        userCreated = true;
        run("sh", "-c", "echo '" + USER + ":" + password + "' | chpasswd");
        File conf = new File(LOGS, "danted.conf");
        Files.writeString(conf.toPath(), String.join("\n",
                "logoutput: stderr", "internal: 127.0.0.1 port = " + port, "external: 127.0.0.1",
                "socksmethod: username", "clientmethod: none", "user.privileged: root", "user.unprivileged: nobody",
                "client pass { from: 127.0.0.0/8 to: 0.0.0.0/0 }",
                "socks pass { from: 127.0.0.0/8 to: 127.0.0.1/32 port = " + canary.publicPort() + " command: connect }", ""));
        return new RealServer(List.of("danted", "-f", conf.getPath(), "-p", new File(LOGS, "danted.pid").getPath()),
                port, new File(LOGS, "danted.log"));
    }

    @Override
    protected void cleanUp() throws Exception {
        if (userCreated) run("userdel", USER);
    }

    @Override
    protected String username() {
        return USER;
    }

    @Override
    protected String password() {
        return password;
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
    }
}
