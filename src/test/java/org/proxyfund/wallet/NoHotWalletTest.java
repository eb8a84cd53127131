package org.proxyfund.wallet;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.proxyfund.common.testing.OwnSettingsProfile;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A deployment without a mnemonic has no hot wallet: the service starts, is ready, and holds no key anywhere. */
@QuarkusTest
@TestProfile(OwnSettingsProfile.class)
class NoHotWalletTest {

    static final String DATA_DIR = OwnSettingsProfile.NO_HOT_WALLET_DIR;

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
