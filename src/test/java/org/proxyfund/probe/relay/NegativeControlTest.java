package org.proxyfund.probe.relay;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.endpoint.HostGuard;
import org.proxyfund.endpoint.MonitorCredential;
import org.proxyfund.endpoint.TestEndpointConfig;
import org.proxyfund.probe.CheckResult;
import org.proxyfund.probe.CheckStatus;
import org.proxyfund.probe.CheckTarget;
import org.proxyfund.probe.DownReason;
import org.proxyfund.probe.RealProxyContract;
import org.proxyfund.probe.RealServer;
import org.proxyfund.probe.SquidServer;
import org.proxyfund.probe.TestProbeConfig;
import org.proxyfund.probe.TestSocks5Relay;
import org.proxyfund.probe.canary.Canary;
import org.proxyfund.probe.httpconnect.HttpConnectChecker;
import org.proxyfund.probe.socks5.Socks5Checker;

import java.io.File;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Negative controls against real servers: a proxy that relays for a client without the issued credential (no
 * authentication, or one never issued) is DOWN OPEN_PROXY; the same server enforcing the issued credential is UP.
 * squid and danted are Debian's packages; the relay that accepts any password is the tests' own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@PlainLane
class NegativeControlTest {

    static final String USER = "pf-issueduser1";
    static final String PASSWORD = "Issued2Secret4Controls";

    private final TestProbeConfig config = new TestProbeConfig();
    private final Canary canary = new Canary(config);
    private final HostGuard guard = new HostGuard(new TestEndpointConfig("127.0.0.1"));

    @BeforeAll
    void startCanary() throws Exception {
        RealProxyContract.LOGS.mkdirs();
        canary.start();
    }

    @AfterAll
    void stopCanary() {
        canary.stop();
    }

    private static CheckTarget target(EndpointType type, int port) {
        return new CheckTarget("127.0.0.1", port, new MonitorCredential(type,
                Map.of(MonitorCredential.USERNAME, USER, MonitorCredential.PASSWORD, PASSWORD)));
    }

    private CheckResult http(int port, TestProbeConfig probe) {
        return new HttpConnectChecker(guard, canary, probe).check(target(EndpointType.HTTP_CONNECT, port));
    }

    private CheckResult socks(int port, TestProbeConfig probe) {
        return new Socks5Checker(guard, canary, probe).check(target(EndpointType.SOCKS5, port));
    }

    private static void assertOpen(CheckResult result) {
        assertEquals(DownReason.OPEN_PROXY, result.reason(), result.detail());
        assertTrue(result.detail().contains("Configure the issued credential so that only it is relayed"), result.detail());
    }

    @Test
    void shouldReportASquidWithoutAuthenticationAsAnOpenProxyAndTheSameSquidWithTheIssuedCredentialUp() throws Exception {
        SquidServer open = new SquidServer("open");
        try (RealServer server = open.with(List.of("http_access allow all")).start()) {
            for (int i = 0; i < 3; i++) assertOpen(http(open.port, config));
            assertEquals(CheckStatus.UP, http(open.port, config.controlRate(0)).status(),
                    "without a control, a squid that takes anyone passes: the control is what catches it");
        }
        SquidServer enforced = new SquidServer("enforced");
        List<String> lines = new java.util.ArrayList<>(enforced.basicAuth(USER, PASSWORD));
        lines.addAll(List.of("http_access allow users", "http_access deny all"));
        try (RealServer server = enforced.with(lines).start()) {
            for (int i = 0; i < 3; i++) {
                CheckResult result = http(enforced.port, config);
                assertEquals(CheckStatus.UP, result.status(), result.detail());
                assertTrue(result.detail().contains("it refused a client without our credential"), result.detail());
            }
        }
    }

    @Test
    void shouldReportADantedWithSocksmethodNoneAsAnOpenProxyOnEveryCheck() throws Exception {
        int port = RealServer.freePort();
        File conf = new File(RealProxyContract.LOGS, "danted-none.conf");
        Files.writeString(conf.toPath(), String.join("\n",
                "logoutput: stderr", "internal: 127.0.0.1 port = " + port, "external: 127.0.0.1",
                "socksmethod: none", "clientmethod: none", "user.privileged: root", "user.unprivileged: nobody",
                "client pass { from: 127.0.0.0/8 to: 0.0.0.0/0 }",
                "socks pass { from: 127.0.0.0/8 to: 0.0.0.0/0 command: connect }", ""));
        try (RealServer server = new RealServer(List.of("danted", "-f", conf.getPath(), "-p",
                new File(RealProxyContract.LOGS, "danted-none.pid").getPath()), port, new File(RealProxyContract.LOGS, "danted-none.log")).start()) {
            // It refuses the username/password method, which alone would read AUTH_REJECTED; the no-authentication
            // control that follows every refusal shows it relays for anyone, whatever the share of controlled checks.
            for (int i = 0; i < 3; i++) assertOpen(socks(port, config.controlRate(0)));
        }
    }

    @Test
    void shouldReportARelayThatAcceptsAnyPasswordAsAnOpenProxyAndUpWhenItEnforcesTheIssuedOne() throws Exception {
        try (TestSocks5Relay relay = new TestSocks5Relay(USER, PASSWORD)) {
            relay.auth(TestSocks5Relay.Auth.ANY_PASSWORD).start();
            for (int i = 0; i < 3; i++) assertOpen(socks(relay.port(), config));
            relay.auth(TestSocks5Relay.Auth.NONE);
            for (int i = 0; i < 3; i++) assertOpen(socks(relay.port(), config.controlRate(0)));
            relay.auth(TestSocks5Relay.Auth.ISSUED);
            for (int i = 0; i < 3; i++) {
                CheckResult result = socks(relay.port(), config);
                assertEquals(CheckStatus.UP, result.status(), result.detail());
                assertTrue(result.detail().contains("it refused a client without our credential"), result.detail());
            }
        }
    }

    @Test
    void shouldRunTheControlsOnAboutTheConfiguredShareOfChecks() throws Exception {
        try (TestSocks5Relay relay = new TestSocks5Relay(USER, PASSWORD)) {
            relay.auth(TestSocks5Relay.Auth.ANY_PASSWORD).start();
            int open = 0;
            for (int i = 0; i < 40; i++) {
                if (socks(relay.port(), config.controlRate(0.5)).reason() == DownReason.OPEN_PROXY) open++;
            }
            // Binomial(40, 0.5): outside 8..32 with a probability below one in 10,000.
            assertTrue(open >= 8 && open <= 32, "open-proxy verdicts in 40 checks at a share of 0.5: " + open);
        }
    }
}
