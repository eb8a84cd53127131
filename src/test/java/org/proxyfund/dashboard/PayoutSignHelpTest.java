package org.proxyfund.dashboard;

import io.quarkus.test.junit.QuarkusTest;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.crypto.ECKey;
import org.junit.jupiter.api.Test;
import org.proxyfund.operator.WebClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An operator with an unproven payout address is told how to sign the challenge with common wallets, in both languages. */
@QuarkusTest
class PayoutSignHelpTest {

    @Test
    void shouldExplainHowToSignTheChallengeWithCommonWalletsUntilTheAddressIsProven() {
        WebClient c = new WebClient();
        c.signUp("signhelp");
        String before = c.get("/dashboard?lang=en").asString();
        assertFalse(before.contains("payout-sign-help"), "no address, nothing to sign yet");
        String address = new ECKey().toAddress(ScriptType.P2WPKH, BitcoinNetwork.REGTEST).toString();
        assertEquals(200, c.post("/dashboard/payout-address", "address", address).statusCode());

        String en = c.get("/dashboard?lang=en").asString();
        assertTrue(en.contains("id=\"payout-sign-help\""), en);
        for (String part : new String[] {"Sign the text exactly as shown", "Electrum (addresses 1…, 3… and bc1q…)",
                "Sparrow (all address types)", "bitcoin-cli signmessage", "legacy addresses (1…) only", "BIP-322"}) {
            assertTrue(en.contains(part.replace("\"", "&quot;")), part);
        }
        String ru = c.get("/dashboard?lang=ru").asString();
        assertTrue(ru.contains("Как подписать") && ru.contains("только для устаревших адресов (1…)"), ru);
    }
}
