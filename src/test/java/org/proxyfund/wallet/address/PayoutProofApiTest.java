package org.proxyfund.wallet.address;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.crypto.ECKey;
import org.junit.jupiter.api.Test;
import org.proxyfund.operator.WebClient;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The payout address and its signed-message proof through the API and the dashboard (regtest in tests). */
@QuarkusTest
class PayoutProofApiTest {

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    @Test
    void shouldProveAnAddressWithASignedChallengeAndNeedANewProofAfterAChange() {
        WebClient c = new WebClient();
        c.signUp("payee");
        String token = c.createApiToken();
        ECKey key = new ECKey();
        String address = key.toAddress(ScriptType.P2PKH, BitcoinNetwork.REGTEST).toString();
        String challenge = as(token).body(Map.of("address", address)).put("/api/v1/payout-address").then().statusCode(200)
                .body("state", equalTo("UNPROVEN")).extract().path("challenge");
        String wrong = new ECKey().signMessage(challenge);
        as(token).body(Map.of("signature", wrong)).post("/api/v1/payout-address/proof").then().statusCode(400)
                .body("errors[0].field", equalTo("signature")).body("errors[0].code", containsString("wrong-key"));
        as(token).body(Map.of("signature", key.signMessage(challenge + " tampered"))).post("/api/v1/payout-address/proof")
                .then().statusCode(400);
        as(token).body(Map.of("signature", key.signMessage(challenge))).post("/api/v1/payout-address/proof").then().statusCode(200)
                .body("state", equalTo("PROVEN")).body("proofFormat", equalTo("BIP137"));
        as(token).body(Map.of("signature", key.signMessage(challenge))).post("/api/v1/payout-address/proof").then().statusCode(200)
                .body("state", equalTo("PROVEN"));
        c.get("/dashboard").then().statusCode(200).body(containsString(address)).body(containsString("ownership proven"));
        String other = new ECKey().toAddress(ScriptType.P2WPKH, BitcoinNetwork.REGTEST).toString();
        as(token).body(Map.of("address", other)).put("/api/v1/payout-address").then().statusCode(200).body("state", equalTo("UNPROVEN"));
        as(token).get("/api/v1/payout-address").then().body("address", equalTo(other)).body("state", equalTo("UNPROVEN"));
    }

    @Test
    void shouldRefuseAnAddressOfAnotherNetworkOnTheDashboardWithAMessage() {
        WebClient c = new WebClient();
        c.signUp("payee-net");
        c.get("/dashboard");
        String mainnet = new ECKey().toAddress(ScriptType.P2WPKH, BitcoinNetwork.MAINNET).toString();
        c.post("/dashboard/payout-address", "address", mainnet).then().statusCode(400).body(containsString("mainnet"));
        c.get("/dashboard?lang=ru");
        c.post("/dashboard/payout-address", "address", mainnet).then().statusCode(400)
                .body(containsString("Адрес для другой сети Bitcoin")).body(containsString("mainnet"));
        c.get("/dashboard?lang=en");
        String regtest = new ECKey().toAddress(ScriptType.P2WPKH, BitcoinNetwork.REGTEST).toString();
        c.post("/dashboard/payout-address", "address", regtest).then().statusCode(200)
                .body(containsString("proxyfund payout address proof: handle=payee-net"));
    }

    @Test
    void shouldFlagAPayoutAddressNamedByTwoOperators() {
        String shared = new ECKey().toAddress(ScriptType.P2WPKH, BitcoinNetwork.REGTEST).toString();
        for (String who : new String[]{"twin-a", "twin-b"}) {
            WebClient c = new WebClient();
            c.signUp(who);
            as(c.createApiToken()).body(Map.of("address", shared)).put("/api/v1/payout-address").then().statusCode(200);
        }
        String adminToken = WebClient.admin().createApiToken();
        as(adminToken).get("/api/v1/admin/flags").then().statusCode(200)
                .body("find { it.kind == 'SHARED_PAYOUT' && it.shared == '" + shared + "' }.handles.size()", equalTo(2))
                .body("kind", hasItem("SHARED_PAYOUT"));
        WebClient.admin().get("/admin").then().body(containsString("One payout address for several operators")).body(containsString(shared));
    }
}
