package org.proxyfund.probe;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.endpoint.HostGuard;
import org.proxyfund.endpoint.MonitorCredential;
import org.proxyfund.endpoint.TestEndpointConfig;
import org.proxyfund.probe.canary.Canary;

import java.io.File;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every relaying checker must show against a real proxy server on loopback, started and killed here. Public,
 * with protected hooks, for the tests in the protocol folders.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RealProxyContract {

    /** Where the real servers of every probe test keep their configuration and logs. */
    public static final File LOGS = new File("target/probe-servers");

    protected final ProbeConfig config = new TestProbeConfig();
    protected final Canary canary = new Canary(config);
    protected final HostGuard guard = new HostGuard(new TestEndpointConfig("127.0.0.1"));
    protected RealServer server;

    /** The protocol under test. */
    protected abstract EndpointType type();

    /** The checker under test, built on the given guard. */
    protected abstract Checker checker(HostGuard hostGuard);

    /** The server under test, configured for {@link #username()}/{@link #password()} and the canary's port. */
    protected abstract RealServer server(int port) throws Exception;

    protected abstract String username();

    protected abstract String password();

    /** The endpoint's protocol fields (e.g. the Shadowsocks cipher); none by default. */
    protected Map<String, String> fields() {
        return Map.of();
    }

    /** Whether the checker runs negative controls (SOCKS5, HTTP CONNECT), which a real server must refuse. */
    protected boolean controlled() {
        return true;
    }

    /** Extra cleanup after the server is gone (e.g. a throwaway system user). */
    protected void cleanUp() throws Exception {
    }

    @BeforeAll
    void startServer() throws Exception {
        LOGS.mkdirs();
        canary.start();
        try {
            server = server(RealServer.freePort()).start();
        } catch (Exception | Error e) {
            stopAll();
            throw e;
        }
    }

    @AfterAll
    void stopAll() throws Exception {
        try {
            if (server != null) server.close();
        } finally {
            canary.stop();
            cleanUp();
        }
    }

    protected CheckTarget target(String password) {
        return new CheckTarget("127.0.0.1", server.port(), fields(), new MonitorCredential(type(),
                Map.of(MonitorCredential.USERNAME, username(), MonitorCredential.PASSWORD, password)));
    }

    @Test
    void shouldBeUpWithTheIssuedCredential() {
        long before = System.nanoTime();
        CheckResult result = checker(guard).check(target(password()));
        java.time.Duration elapsed = java.time.Duration.ofNanos(System.nanoTime() - before);
        assertEquals(CheckStatus.UP, result.status(), result.detail());
        assertTrue(result.latency().compareTo(elapsed) <= 0, "latency " + result.latency() + " within the check's " + elapsed);
        assertFalse(result.weakEvidence());
        if (controlled()) {
            assertTrue(result.detail().contains("it refused a client without our credential"),
                    "negative controls ran on every check here and were refused: " + result.detail());
        }
    }

    /** Protected: a server that answers a wrong password with silence overrides it with a short wait (SsServerContract). */
    @Test
    protected void shouldBeAuthRejectedWithAWrongPassword() {
        CheckResult result = checker(guard).check(target(password() + "x"));
        assertEquals(DownReason.AUTH_REJECTED, result.reason(), result.detail());
    }

    @Test
    void shouldBeConnectRefusedWhileStoppedAndUpAgainAfterRestart() throws Exception {
        server.close();
        CheckResult stopped = checker(guard).check(target(password()));
        assertEquals(DownReason.CONNECT_REFUSED, stopped.reason(), stopped.detail());
        server.start();
        CheckResult restarted = checker(guard).check(target(password()));
        assertEquals(CheckStatus.UP, restarted.status(), restarted.detail());
    }

    @Test
    void shouldBlockATargetTheGuardRefusesWithoutContactingIt() {
        HostGuard strict = new HostGuard(new TestEndpointConfig());
        CheckResult result = checker(strict).check(target(password()));
        assertEquals(DownReason.BLOCKED_TARGET, result.reason());
        assertTrue(result.detail().contains("127.0.0.1"), result.detail());
    }

    @Test
    void shouldBeUnknownNotDownWhileTheCanaryIsStopped() throws Exception {
        canary.stop();
        try {
            CheckResult result = checker(guard).check(target(password()));
            assertEquals(CheckStatus.UNKNOWN, result.status(), result.detail());
        } finally {
            canary.start();
        }
    }
}
