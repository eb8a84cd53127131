package org.proxyfund.common.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import org.proxyfund.probe.mtproto.TestDataCentre;
import org.proxyfund.probe.mtproto.TestDhResponder;

import java.util.List;
import java.util.Map;

/**
 * Settings that only one test class each reads, gathered in one profile: every profile costs the test run one more
 * build of the application (before the first test runs) and one more start, about 13 s on a quiet 2-core machine
 * (docs/testing.md). What each class gets here, no other class in the profile reads:
 * <ul>
 * <li>{@code SettlementCoverageTest}: the production defaults of the coverage rule (the test profile of the other
 * tests turns it off);</li>
 * <li>{@code NoHotWalletTest}: the wallet switched on, but neither mnemonic nor passphrase given, and generating them
 * off (as in production);</li>
 * <li>{@code PassGuideUserTargetsTest}: a test Telegram data centre, configured as the only user target.</li>
 * </ul>
 */
public class OwnSettingsProfile implements QuarkusTestProfile {

    /** The wallet folder of this profile's application, which must stay without a wallet file. */
    public static final String NO_HOT_WALLET_DIR = "target/no-hot-wallet-" + java.util.UUID.randomUUID();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "proxyfund.settlement.min-coverage-bp", "5000",
                "proxyfund.settlement.check-interval", "60s",
                "proxyfund.wallet.enabled", "true",
                "proxyfund.wallet.generate-missing-secrets", "false",
                "proxyfund.wallet.peers", "127.0.0.1:1",
                "proxyfund.wallet.data-dir", NO_HOT_WALLET_DIR);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(DataCentre.class));
    }

    /** A test Telegram data centre for this application start, configured as its only user target. */
    public static class DataCentre implements QuarkusTestResourceLifecycleManager {
        private TestDataCentre dc;

        @Override
        public Map<String, String> start() {
            dc = new TestDataCentre();
            try {
                dc.start();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return Map.of("proxyfund.probe.user-targets", "127.0.0.1:" + dc.port() + "/2",
                    "proxyfund.probe.mtproto.server-public-keys", TestDhResponder.publicKeyBase64());
        }

        @Override
        public void stop() {
            if (dc != null) dc.stop();
        }
    }
}
