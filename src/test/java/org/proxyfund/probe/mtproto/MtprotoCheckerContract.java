package org.proxyfund.probe.mtproto;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.proxyfund.endpoint.CredentialIssuer;
import org.proxyfund.endpoint.EndpointDraft;
import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.endpoint.HostGuard;
import org.proxyfund.endpoint.MonitorCredential;
import org.proxyfund.endpoint.TestEndpointConfig;
import org.proxyfund.probe.CheckResult;
import org.proxyfund.probe.CheckStatus;
import org.proxyfund.probe.CheckTarget;
import org.proxyfund.probe.DownReason;
import org.proxyfund.probe.ProbeConfig;
import org.proxyfund.probe.TestProbeConfig;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the MTProto checker must show, in one secret form, against the project's own MTProto proxy and data centre on
 * loopback (no MTProto proxy is packaged in Debian). There is no canary: the data centre is the target.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MtprotoCheckerContract {

    static final short DC_ID = 2;

    final ProbeConfig config = new TestProbeConfig();
    final HostGuard guard = new HostGuard(new TestEndpointConfig("127.0.0.1"));
    final CredentialIssuer issuer = new CredentialIssuer();
    final TestDataCentre dataCentre = new TestDataCentre();
    MonitorCredential issued;
    TestMtprotoProxy proxy;

    /** The fake-TLS domain of the endpoint, or null for the dd form. */
    abstract String domain();

    /** What a proxy that knows the secret but cannot reach Telegram comes out as in this form. */
    abstract DownReason reasonWhenTheDataCentreIsUnreachable();

    @BeforeAll
    void startServers() throws IOException {
        dataCentre.start();
        issued = issue();
        byte[] secret = HexFormat.of().parseHex(issued.get(MonitorCredential.SECRET).orElseThrow());
        proxy = new TestMtprotoProxy(secret, domain(),
                Map.of((int) DC_ID, new InetSocketAddress(InetAddress.getLoopbackAddress(), dataCentre.port())));
        proxy.start();
    }

    @AfterEach
    void restoreServers() throws IOException {
        dataCentre.answer(TestDataCentre.Answer.RES_PQ);
        dataCentre.start();
        proxy.start();
    }

    @AfterAll
    void stopServers() {
        if (proxy != null) proxy.stop();
        dataCentre.stop();
    }

    MtprotoChecker checker(HostGuard hostGuard) {
        return new MtprotoChecker(hostGuard, config, new TestMtprotoConfig(DC_ID));
    }

    CheckTarget target(MonitorCredential credential) {
        return new CheckTarget("127.0.0.1", proxy.port(), fields(), credential);
    }

    /** A credential as the service issues it for this endpoint (a fresh secret each time). */
    MonitorCredential issue() {
        return issuer.issue(EndpointType.MTPROTO, new EndpointDraft(EndpointType.MTPROTO, "127.0.0.1", 443, "EU", fields()));
    }

    private Map<String, String> fields() {
        Map<String, String> fields = new HashMap<>();
        if (domain() != null) fields.put(EndpointType.FAKE_TLS_DOMAIN, domain());
        return fields;
    }

    @Test
    void shouldBeUpWithTheIssuedSecretAfterTheDataCentreAnswered() {
        int before = dataCentre.requests();
        long started = System.nanoTime();
        CheckResult result = checker(guard).check(target(issued));
        java.time.Duration elapsed = java.time.Duration.ofNanos(System.nanoTime() - started);
        assertEquals(CheckStatus.UP, result.status(), result.detail());
        assertFalse(result.weakEvidence());
        assertTrue(result.latency().compareTo(elapsed) <= 0, "latency " + result.latency() + " within the check's " + elapsed);
        assertTrue(result.detail().contains(domain() == null ? "dd form" : "ee (fake TLS for " + domain()), result.detail());
        assertEquals(before + 1, dataCentre.requests(), "the key exchange reached the data centre through the proxy");
    }

    @Test
    void shouldBeAuthRejectedWithAWrongSecret() {
        int before = dataCentre.requests();
        CheckResult result = checker(guard).check(target(issue()));
        assertEquals(DownReason.AUTH_REJECTED, result.reason(), result.detail());
        assertEquals(before, dataCentre.requests(), "nothing reached the data centre");
    }

    @Test
    void shouldBeConnectRefusedWhileStoppedAndUpAgainAfterRestart() throws IOException {
        proxy.stop();
        CheckResult stopped = checker(guard).check(target(issued));
        assertEquals(DownReason.CONNECT_REFUSED, stopped.reason(), stopped.detail());
        proxy.start();
        CheckResult restarted = checker(guard).check(target(issued));
        assertEquals(CheckStatus.UP, restarted.status(), restarted.detail());
    }

    @Test
    void shouldBlockATargetTheGuardRefusesWithoutContactingIt() {
        int before = proxy.accepted();
        CheckResult result = checker(new HostGuard(new TestEndpointConfig())).check(target(issued));
        assertEquals(DownReason.BLOCKED_TARGET, result.reason());
        assertTrue(result.detail().contains("127.0.0.1"), result.detail());
        assertEquals(before, proxy.accepted(), "the proxy was not contacted");
    }

    @Test
    void shouldBeProtocolErrorWhenTheDataCentreAnswersGarbage() {
        dataCentre.answer(TestDataCentre.Answer.GARBAGE);
        CheckResult result = checker(guard).check(target(issued));
        assertEquals(DownReason.PROTOCOL_ERROR, result.reason(), result.detail());
    }

    @Test
    void shouldBeProtocolErrorWhenTheResPqEchoesAnotherNonce() {
        dataCentre.answer(TestDataCentre.Answer.OTHER_NONCE);
        CheckResult result = checker(guard).check(target(issued));
        assertEquals(DownReason.PROTOCOL_ERROR, result.reason(), result.detail());
        assertTrue(result.detail().contains("nonce"), result.detail());
    }

    @Test
    void shouldBeRelayFailedWhenTheDataCentreCannotProveTelegramsKey() {
        dataCentre.answer(TestDataCentre.Answer.IMPOSTOR);
        CheckResult result = checker(guard).check(target(issued));
        assertEquals(DownReason.RELAY_FAILED, result.reason(), result.detail());
        assertTrue(result.detail().contains("does not hold Telegram's RSA key"), result.detail());
    }

    @Test
    void shouldBeRelayFailedWhenTheDataCentreListsNoKeyWeTrust() {
        MtprotoChecker trustingOnlyTelegram = new MtprotoChecker(guard, config,
                new TestMtprotoConfig(DC_ID, 4096, java.util.List.of(TestMtprotoConfig.TELEGRAM_PRODUCTION_KEY)));
        CheckResult result = trustingOnlyTelegram.check(target(issued));
        assertEquals(DownReason.RELAY_FAILED, result.reason(), result.detail());
        assertTrue(result.detail().contains("none of Telegram's RSA keys"), result.detail());
    }

    @Test
    void shouldTellWhenTheProxyCannotReachTheDataCentre() {
        dataCentre.stop();
        CheckResult result = checker(guard).check(target(issued));
        assertEquals(reasonWhenTheDataCentreIsUnreachable(), result.reason(), result.detail());
    }

    @Test
    void shouldTimeOutWhenTheEndpointAcceptsButNeverAnswers() throws IOException {
        // The kernel completes the TCP handshake for the backlog; nobody ever reads or answers.
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            CheckTarget target = new CheckTarget("127.0.0.1", silent.getLocalPort(), fields(), issued);
            // Silence stays silence under load: the short wait only makes this test quick.
            CheckResult result = new MtprotoChecker(guard, new TestProbeConfig().ioTimeout(TestProbeConfig.SILENCE_WAIT),
                    new TestMtprotoConfig(DC_ID)).check(target);
            assertEquals(DownReason.TIMEOUT, result.reason(), result.detail());
        }
    }
}
