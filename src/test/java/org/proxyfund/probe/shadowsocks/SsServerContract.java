package org.proxyfund.probe.shadowsocks;

import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.endpoint.HostGuard;
import org.proxyfund.probe.CheckResult;
import org.proxyfund.probe.Checker;
import org.proxyfund.probe.DownReason;
import org.proxyfund.probe.RealProxyContract;
import org.proxyfund.probe.RealServer;
import org.proxyfund.probe.TestProbeConfig;

import java.io.File;
import java.util.List;
import java.util.Map;

/** The Shadowsocks checker against a real shadowsocks-libev ss-server (TCP only) with one AEAD cipher. */
abstract class SsServerContract extends RealProxyContract {

    /** The cipher name both ss-server and the endpoint's field use. */
    abstract String cipher();

    @Override
    protected EndpointType type() {
        return EndpointType.SHADOWSOCKS;
    }

    @Override
    protected Map<String, String> fields() {
        return Map.of(EndpointType.CIPHER, cipher());
    }

    @Override
    protected Checker checker(HostGuard hostGuard) {
        return new ShadowsocksChecker(hostGuard, canary, config);
    }

    /**
     * ss-server answers a wrong key with silence (nothing to tell a prober): silence stays silence under load, so this
     * one waits {@link TestProbeConfig#SILENCE_WAIT}, not the answer wait.
     */
    @Override
    @org.junit.jupiter.api.Test
    protected void shouldBeAuthRejectedWithAWrongPassword() {
        CheckResult result = new ShadowsocksChecker(guard, canary, new TestProbeConfig().ioTimeout(TestProbeConfig.SILENCE_WAIT))
                .check(target(password() + "x"));
        org.junit.jupiter.api.Assertions.assertEquals(DownReason.AUTH_REJECTED, result.reason(), result.detail());
    }

    @Override
    protected RealServer server(int port) {
        return new RealServer(List.of("ss-server", "-s", "127.0.0.1", "-p", String.valueOf(port),
                "-k", password(), "-m", cipher(), "-t", "10", "-v"), port, new File(LOGS, "ss-server-" + cipher() + ".log"));
    }

    @Override
    protected boolean controlled() {
        return false;
    }

    @Override
    protected String username() {
        return "unused";
    }

    @Override
    protected String password() {
        return "Issued-ss-Secret-7";
    }
}
