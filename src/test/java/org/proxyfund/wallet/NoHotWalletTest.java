package org.proxyfund.wallet;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A deployment without a mnemonic has no hot wallet: the service starts, is ready, and holds no key anywhere. */
@QuarkusTest
@TestProfile(NoHotWalletTest.NoMnemonic.class)
class NoHotWalletTest {

    static final String DATA_DIR = "target/no-hot-wallet-" + java.util.UUID.randomUUID();

    /** The wallet switched on, but neither mnemonic nor passphrase given, and generating them off (as in production). */
    public static class NoMnemonic implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("proxyfund.wallet.enabled", "true",
                    "proxyfund.wallet.generate-missing-secrets", "false",
                    "proxyfund.wallet.peers", "127.0.0.1:1",
                    "proxyfund.wallet.data-dir", DATA_DIR);
        }
    }

    @Inject
    WalletService wallet;

    @Test
    void shouldStartReadyWithoutAHotWalletWhenNoMnemonicIsConfigured() {
        assertTrue(wallet.noHotWallet());
        assertFalse(wallet.running());
        org.proxyfund.common.testing.Management.given().when().get("/q/health/ready").then().statusCode(200)
                .body(containsString("none: no mnemonic configured"));
        assertFalse(Files.exists(Path.of(DATA_DIR, WalletRuntime.WALLET_FILE)), "no wallet file was written");
        assertFalse(Files.exists(Path.of(DATA_DIR, WalletSecrets.DEV_FILE)), "no secrets were generated");
    }

    @Test
    void shouldStillServeTheDonatePageAndSayDonationsAreUnavailable() {
        org.proxyfund.operator.WebClient donor = new org.proxyfund.operator.WebClient();
        donor.get("/donate").then().statusCode(200);
        donor.post("/donate", "amount", "", "message", "").then().statusCode(503);
    }
}
