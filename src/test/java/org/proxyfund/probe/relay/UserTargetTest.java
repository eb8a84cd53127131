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
import org.proxyfund.probe.ProbeConfig;
import org.proxyfund.probe.RealProxyContract;
import org.proxyfund.probe.RealServer;
import org.proxyfund.probe.SquidServer;
import org.proxyfund.probe.TestProbeConfig;
import org.proxyfund.probe.TestSocks5Relay;
import org.proxyfund.probe.canary.Canary;
import org.proxyfund.probe.httpconnect.HttpConnectChecker;
import org.proxyfund.probe.mtproto.TelegramRsaKey;
import org.proxyfund.probe.mtproto.TestDataCentre;
import org.proxyfund.probe.mtproto.TestDhResponder;
import org.proxyfund.probe.shadowsocks.ShadowsocksChecker;
import org.proxyfund.probe.socks5.Socks5Checker;

import java.io.File;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Relaying checks reach a user target besides the canary: test data centres on loopback stand in for Telegram's and
 * must prove the test RSA key through the endpoint. An endpoint that carries us only to the canary is CANARY_ONLY; a
 * second target and a second canary address are tried before anything is charged; Telegram out of the monitor's own
 * reach proves nothing either way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@PlainLane
class UserTargetTest {

    static final String USER = "pf-targetuser01";
    static final String PASSWORD = "Issued2Secret4Targets";

    private final byte[] key = new byte[32];
    private TestProbeConfig config = new TestProbeConfig();
    private Canary canary;
    private Canary secondCanary;
    private final TestDataCentre dc = new TestDataCentre();
    private final TestDataCentre otherDc = new TestDataCentre();
    private final HostGuard guard = new HostGuard(new TestEndpointConfig("127.0.0.1"));
    private final List<TelegramRsaKey> keys = List.of(TelegramRsaKey.fromPkcs1(TestDhResponder.publicKeyBase64()));

    @BeforeAll
    void start() throws Exception {
        RealProxyContract.LOGS.mkdirs();
        new SecureRandom().nextBytes(key);
        // Two replicas' canaries: the same key, so either answers a nonce the other issued.
        canary = new Canary(config, key);
        secondCanary = new Canary(config, key);
        canary.start();
        secondCanary.start();
        dc.start();
        otherDc.start();
    }

    @AfterAll
    void stop() {
        canary.stop();
        secondCanary.stop();
        dc.stop();
        otherDc.stop();
    }

    private TelegramTargets targets(TestDataCentre... centres) {
        List<UserTarget> list = new ArrayList<>();
        for (TestDataCentre c : centres) list.add(new UserTarget("127.0.0.1", c.port(), (short) 2));
        return new TelegramTargets(list, keys, 4096, config);
    }

    private CheckResult socks(int port, ProbeConfig probe, TelegramTargets targets) {
        return new Socks5Checker(guard, canary, probe, targets).check(new CheckTarget("127.0.0.1", port,
                new MonitorCredential(EndpointType.SOCKS5, Map.of(MonitorCredential.USERNAME, USER, MonitorCredential.PASSWORD, PASSWORD))));
    }

    @Test
    void shouldBeUpWhenADataCentreProvesItsKeyThroughTheRelay() throws Exception {
        try (TestSocks5Relay relay = new TestSocks5Relay(USER, PASSWORD)) {
            relay.start();
            int before = dc.directConnections();
            CheckResult result = socks(relay.port(), config, targets(dc));
            assertEquals(CheckStatus.UP, result.status(), result.detail());
            assertTrue(result.detail().contains("Telegram DC 2 at 127.0.0.1:" + dc.port() + " proved its key through it"), result.detail());
            assertEquals(before + 1, dc.directConnections(), "the data centre saw one client connection, through the relay");
        }
    }

    @Test
    void shouldBeCanaryOnlyWhenTheRelayCarriesUsOnlyToTheCanary() throws Exception {
        try (TestSocks5Relay relay = new TestSocks5Relay(USER, PASSWORD)) {
            relay.allowPorts(Set.of(canary.publicPort())).start();
            CheckResult result = socks(relay.port(), config, targets(dc));
            assertEquals(DownReason.CANARY_ONLY, result.reason(), result.detail());
            assertTrue(result.detail().contains("127.0.0.1:" + dc.port()) && result.detail().contains("which the monitor reaches directly"),
                    result.detail());
        }
    }

    @Test
    void shouldNotChargeTheOperatorWhenTelegramIsOutOfTheMonitorsOwnReach() throws Exception {
        try (TestSocks5Relay relay = new TestSocks5Relay(USER, PASSWORD)) {
            relay.allowPorts(Set.of(canary.publicPort())).start();
            dc.stop();
            try {
                CheckResult result = socks(relay.port(), config, targets(dc));
                assertEquals(CheckStatus.UP, result.status(), result.detail());
                assertTrue(result.detail().contains("out of the monitor's own reach too"), result.detail());
            } finally {
                dc.start();
            }
        }
    }

    @Test
    void shouldTryASecondTargetBeforeCallingItCanaryOnly() throws Exception {
        try (TestSocks5Relay relay = new TestSocks5Relay(USER, PASSWORD)) {
            relay.allowPorts(Set.of(canary.publicPort(), otherDc.port())).start();
            for (int i = 0; i < 6; i++) {
                CheckResult result = socks(relay.port(), config, targets(dc, otherDc));
                assertEquals(CheckStatus.UP, result.status(), result.detail());
                assertTrue(result.detail().contains("127.0.0.1:" + otherDc.port() + " proved its key"), result.detail());
            }
        }
    }

    @Test
    void shouldConfirmARelayFailureToOneCanaryAddressAgainstASecond() throws Exception {
        TestProbeConfig withAlternate = config.alternates(List.of("127.0.0.1:" + secondCanary.publicPort()));
        try (TestSocks5Relay relay = new TestSocks5Relay(USER, PASSWORD)) {
            relay.allowPorts(Set.of(secondCanary.publicPort(), dc.port())).start();
            boolean sawNote = false;
            for (int i = 0; i < 8; i++) {
                CheckResult result = socks(relay.port(), withAlternate, targets(dc));
                assertEquals(CheckStatus.UP, result.status(), "a canary address firewalled for this relay alone is not its fault: " + result.detail());
                sawNote |= result.detail().contains("canary address 127.0.0.1:" + canary.publicPort() + " was not reached through the endpoint");
            }
            assertTrue(sawNote, "in eight checks the first canary address was tried first at least once (p = 1 - 2^-8)");
            relay.allowPorts(Set.of(dc.port()));
            CheckResult neither = socks(relay.port(), withAlternate, targets(dc));
            assertEquals(DownReason.RELAY_FAILED, neither.reason(), neither.detail());
            assertTrue(neither.detail().contains("at the second canary address"), neither.detail());
        }
    }

    @Test
    void shouldCarryTheTelegramProofInsideShadowsocks() throws Exception {
        int port = RealServer.freePort();
        try (RealServer server = new RealServer(List.of("ss-server", "-s", "127.0.0.1", "-p", String.valueOf(port), "-k", PASSWORD,
                "-m", "chacha20-ietf-poly1305", "-t", "10"), port, new File(RealProxyContract.LOGS, "ss-server-targets.log")).start()) {
            CheckResult result = new ShadowsocksChecker(guard, canary, config, targets(dc)).check(new CheckTarget("127.0.0.1", port,
                    Map.of(EndpointType.CIPHER, "chacha20-ietf-poly1305"),
                    new MonitorCredential(EndpointType.SHADOWSOCKS, Map.of(MonitorCredential.PASSWORD, PASSWORD))));
            assertEquals(CheckStatus.UP, result.status(), result.detail());
            assertTrue(result.detail().contains("Telegram DC 2 at 127.0.0.1:" + dc.port() + " proved its key"), result.detail());
        }
    }

    @Test
    void shouldBeCanaryOnlyBehindASquidThatAllowsOnlyTheCanaryAndUpOnceItAllowsTheUserTargets() throws Exception {
        SquidServer squid = new SquidServer("acl");
        List<String> onlyCanary = new ArrayList<>(squid.basicAuth(USER, PASSWORD));
        onlyCanary.addAll(List.of("acl targets port " + canary.publicPort(), "http_access allow CONNECT targets users",
                "http_access deny all"));
        HttpConnectChecker checker = new HttpConnectChecker(guard, canary, config, targets(dc));
        CheckTarget target = new CheckTarget("127.0.0.1", squid.port,
                new MonitorCredential(EndpointType.HTTP_CONNECT, Map.of(MonitorCredential.USERNAME, USER, MonitorCredential.PASSWORD, PASSWORD)));
        try (RealServer server = squid.with(onlyCanary).start()) {
            CheckResult result = checker.check(target);
            assertEquals(DownReason.CANARY_ONLY, result.reason(), result.detail());
            assertTrue(result.detail().contains("403"), "squid's refusal is in the detail: " + result.detail());
        }
        List<String> both = new ArrayList<>(onlyCanary);
        both.set(both.indexOf("acl targets port " + canary.publicPort()), "acl targets port " + canary.publicPort() + " " + dc.port());
        try (RealServer server = squid.with(both).start()) {
            CheckResult result = checker.check(target);
            assertEquals(CheckStatus.UP, result.status(), result.detail());
            assertTrue(result.detail().contains("proved its key through it"), result.detail());
        }
    }
}
