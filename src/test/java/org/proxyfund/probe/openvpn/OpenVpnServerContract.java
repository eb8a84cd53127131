package org.proxyfund.probe.openvpn;

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
import org.proxyfund.probe.ProbeConfig;
import org.proxyfund.probe.RealProxyContract;
import org.proxyfund.probe.RealServer;
import org.proxyfund.probe.TestProbeConfig;

import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OpenVPN checker against a real openvpn server with tls-auth (or tls-crypt) on loopback (a tun device, addresses left unset). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OpenVpnServerContract {

    final ProbeConfig config = new TestProbeConfig();
    final HostGuard guard = new HostGuard(new TestEndpointConfig("127.0.0.1"));
    RealServer server;

    /** udp or tcp, as the endpoint's transport field. */
    abstract String transport();

    /** openvpn's --proto for this transport. */
    abstract String proto();

    /** A /24 for the server's tun interface, distinct per subclass (never configured: --ifconfig-noexec). */
    abstract String subnet();

    /** The server's control-channel protection with the operator's key: tls-auth with direction 0 unless overridden. */
    List<String> keyOption(File key) {
        return List.of("--tls-auth", key.getPath(), "0");
    }

    /** The endpoint field that carries the same key. */
    String keyField() {
        return EndpointType.TLS_AUTH_KEY;
    }

    @BeforeAll
    void startServer() throws Exception {
        OpenVpnTestPki.ensure();
        int port = RealServer.freePort();
        File pki = OpenVpnTestPki.DIR;
        List<String> command = new ArrayList<>(List.of("openvpn", "--mode", "server", "--tls-server", "--dev", "tun", "--disable-dco",
                "--topology", "subnet", "--ifconfig", subnet() + ".1", "255.255.255.0", "--ifconfig-noexec", "--route-noexec",
                "--proto", proto(), "--local", "127.0.0.1", "--port", String.valueOf(port),
                "--ca", new File(pki, "ca.crt").getPath(), "--cert", new File(pki, "server.crt").getPath(),
                "--key", new File(pki, "server.key").getPath(), "--dh", "none", "--verb", "3"));
        command.addAll(keyOption(new File(pki, "ta.key")));
        server = new RealServer(command, port, new File(RealProxyContract.LOGS, "openvpn-" + transport() + ".log"))
                .readyWhenLogged("Initialization Sequence Completed");
        RealProxyContract.LOGS.mkdirs();
        server.start();
    }

    @AfterAll
    void stopServer() {
        if (server != null) server.close();
    }

    CheckTarget target(String keyFile) throws Exception {
        Map<String, String> fields = new HashMap<>(Map.of(EndpointType.TRANSPORT, transport()));
        if (keyFile != null) fields.put(keyField(), OpenVpnTestPki.keyText(keyFile));
        return new CheckTarget("127.0.0.1", server.port(), fields,
                new MonitorCredential(EndpointType.OPENVPN, Map.of(MonitorCredential.OWNERSHIP_TOKEN, "proxyfund-test")));
    }

    CheckResult check(String keyFile) throws Exception {
        return new OpenVpnChecker(guard, config).check(target(keyFile));
    }

    @Test
    void shouldBeUpButWeakWithTheOperatorsKey() throws Exception {
        long before = System.nanoTime();
        CheckResult result = check("ta.key");
        java.time.Duration elapsed = java.time.Duration.ofNanos(System.nanoTime() - before);
        assertEquals(CheckStatus.UP, result.status(), result.detail());
        assertTrue(result.weakEvidence(), "a hard reset answer proves the VPN answers, not that it relays");
        assertTrue(result.latency().compareTo(elapsed) <= 0, "latency " + result.latency() + " within the check's " + elapsed);
    }

    @Test
    void shouldBeAuthRejectedWithAnotherKey() throws Exception {
        // The server drops what another key protects: silence stays silence under load, the short wait only makes this quick.
        CheckResult result = new OpenVpnChecker(guard, new TestProbeConfig().ioTimeout(TestProbeConfig.SILENCE_WAIT))
                .check(target("wrong-ta.key"));
        assertEquals(DownReason.AUTH_REJECTED, result.reason(), result.detail());
    }

    @Test
    void shouldBeConnectRefusedWhileStoppedAndUpAgainAfterRestart() throws Exception {
        server.close();
        CheckResult stopped = check("ta.key");
        assertEquals(DownReason.CONNECT_REFUSED, stopped.reason(), stopped.detail());
        server.start();
        CheckResult restarted = check("ta.key");
        assertEquals(CheckStatus.UP, restarted.status(), restarted.detail());
    }

    @Test
    void shouldBlockATargetTheGuardRefusesWithoutContactingIt() throws Exception {
        CheckResult result = new OpenVpnChecker(new HostGuard(new TestEndpointConfig()), config).check(target("ta.key"));
        assertEquals(DownReason.BLOCKED_TARGET, result.reason());
        assertTrue(result.detail().contains("127.0.0.1"), result.detail());
    }
}
