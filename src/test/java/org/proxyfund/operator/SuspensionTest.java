package org.proxyfund.operator;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.crypto.ECKey;
import org.junit.jupiter.api.Test;
import org.proxyfund.common.testing.TestPorts;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A suspended operator changes nothing, through any write path of the API (listed from /q/openapi) or the pages
 * (listed from the resources), and is told why; reading its own data and signing out still work.
 */
@QuarkusTest
class SuspensionTest {

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    @Test
    void shouldRefuseEveryWriteOfASuspendedOperatorAndStillLetItRead() throws Exception {
        WebClient c = new WebClient();
        String handle = c.signUp("suspended");
        String token = c.createApiToken();
        int port = TestPorts.block(5);
        int id = as(token).body(Map.of("type", "SOCKS5", "host", "127.0.0.1", "port", port, "region", "Russia"))
                .post("/api/v1/endpoints").then().statusCode(201).extract().path("id");
        String address = new ECKey().toAddress(ScriptType.P2WPKH, BitcoinNetwork.REGTEST).toString();
        as(token).body(Map.of("address", address)).put("/api/v1/payout-address").then().statusCode(200);
        long accountId = ((Number) as(token).get("/api/v1/me").then().extract().path("id")).longValue();
        String admin = WebClient.admin().createApiToken();
        as(admin).body(Map.of("state", "SUSPENDED", "reason", "test of suspension")).post("/api/v1/admin/operators/" + accountId + "/state")
                .then().statusCode(200).body("state", equalTo("SUSPENDED"));

        String other = new ECKey().toAddress(ScriptType.P2WPKH, BitcoinNetwork.REGTEST).toString();
        Map<String, Object> bodies = Map.of(
                "POST /api/v1/endpoints", Map.of("type", "SOCKS5", "host", "127.0.0.1", "port", port + 1, "region", "Russia"),
                "POST /api/v1/endpoints/{id}/rotate", Map.of("host", "127.0.0.1", "port", port + 2),
                "PUT /api/v1/payout-address", Map.of("address", other),
                "POST /api/v1/payout-address/proof", Map.of("signature", "AAAA"));
        Map<String, String> ids = Map.of("{id}", String.valueOf(id), "{endpointId}", String.valueOf(id));
        Set<String> api = WritePaths.api();
        assertTrue(api.containsAll(bodies.keySet()), "the document lists the operator's write paths: " + api);
        assertEquals(WritePaths.apiResources(), api, "the document lists every write method of the API's resources");
        // Paths other than the four above get an empty body, which their documents may not allow: on purpose.
        try (AutoCloseable onPurpose = org.proxyfund.common.openapi.OpenApiContract.invalidRequestsOnPurpose()) {
            for (String op : api) {
                String[] mp = op.split(" ", 2);
                Response r = as(token).body(bodies.getOrDefault(op, Map.of())).request(mp[0], WritePaths.fill(mp[1], ids));
                assertEquals(403, r.statusCode(), op + ": " + r.asString());
                assertTrue(r.contentType().startsWith("application/problem+json"), op);
                String code = r.jsonPath().getString("code");
                assertTrue(code.equals("account.suspended") || mp[1].startsWith("/api/v1/admin/") && code.equals("auth.forbidden"), op + ": " + code);
            }
        }

        c.get("/dashboard").then().statusCode(200).body(containsString("127.0.0.1:" + port));
        Matcher tokenId = Pattern.compile("/account/tokens/(\\d+)/revoke").matcher(c.get("/account").asString());
        assertTrue(tokenId.find(), "the account page lists the token");
        Map<String, String> pageIds = new HashMap<>(ids);
        Set<String> pages = WritePaths.pages();
        assertTrue(pages.containsAll(Set.of("POST /endpoints", "POST /endpoints/{id}/rotate", "POST /dashboard/payout-address",
                "POST /account/password", "POST /account/tokens", "POST /logout")), "pages found: " + pages);
        for (String op : pages) {
            String[] mp = op.split(" ", 2);
            if (Set.of("/login", "/logout", "/signup").contains(mp[1])) {
                continue;
            }
            pageIds.put("{id}", mp[1].startsWith("/account/tokens") ? tokenId.group(1) : String.valueOf(id));
            c.get("/dashboard");
            Response r = c.post(WritePaths.fill(mp[1], pageIds), "type", "SOCKS5", "host", "127.0.0.1", "port", String.valueOf(port + 3),
                    "region", "Russia", "address", other, "name", "another token", "current", "correct horse battery",
                    "password", "a new password 123", "repeat", "a new password 123", "amountSats", "10000");
            assertEquals(403, r.statusCode(), op);
            if (!mp[1].startsWith("/admin")) {
                assertTrue(r.asString().contains("Account suspended"), op + " says why");
            }
        }
        c.get("/dashboard?lang=ru");
        Response ru = c.post("/endpoints/" + id + "/rotate", "host", "127.0.0.1", "port", String.valueOf(port + 4));
        assertEquals(403, ru.statusCode());
        assertTrue(ru.asString().contains("Аккаунт приостановлен"), "the refusal is in the page's language");
        c.get("/dashboard?lang=en");

        as(token).get("/api/v1/me").then().statusCode(200).body("state", equalTo("SUSPENDED"));
        as(token).get("/api/v1/endpoints").then().statusCode(200).body("$", hasSize(1)).body("[0].port", equalTo(port));
        as(token).get("/api/v1/endpoints/" + id).then().statusCode(200).body("addressVersion", equalTo(1))
                .body("state", equalTo("PENDING")).body("retiredAt", nullValue());
        as(token).get("/api/v1/payout-address").then().statusCode(200).body("address", equalTo(address));
        as(token).get("/api/v1/uptime").then().statusCode(200);
        c.get("/endpoints/" + id).then().statusCode(200);
        c.get("/account").then().statusCode(200).body(containsString(handle));
        c.logIn(handle, "a new password 123").then().statusCode(401);
        c.get("/account");
        c.post("/logout").then().statusCode(303);
    }
}
