package org.proxyfund.endpoint;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.proxyfund.operator.WebClient;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** The endpoint API with personal tokens: all six types, isolation between operators, the per-operator limit. */
@QuarkusTest
class EndpointApiTest {

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    private static Map<String, Object> body(String type, int port, Map<String, String> fields) {
        return Map.of("type", type, "host", "127.0.0.1", "port", port, "region", "Russia", "protocolFields", fields);
    }

    @Test
    void shouldRegisterEveryTypeAndIssueItsCredential() {
        WebClient c = new WebClient();
        c.signUp("api-types");
        String token = c.createApiToken();
        int port = EndpointPagesTest.freePort();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        as(token).body(body("MTPROTO", port, Map.of("fakeTlsDomain", "www.example.com"))).post("/api/v1/endpoints")
                .then().statusCode(201).body("credential.secretEe", notNullValue()).body("credential.tgLinkDd", notNullValue());
        as(token).body(body("SOCKS5", port + 1, Map.of())).post("/api/v1/endpoints")
                .then().statusCode(201).body("credential.username", notNullValue()).body("credential.password", notNullValue());
        as(token).body(body("HTTP_CONNECT", port + 2, Map.of())).post("/api/v1/endpoints")
                .then().statusCode(201).body("credential.password", notNullValue());
        as(token).body(body("SHADOWSOCKS", port + 3, Map.of("cipher", "aes-256-gcm"))).post("/api/v1/endpoints")
                .then().statusCode(201).body("credential.ssUri", notNullValue());
        as(token).body(body("WIREGUARD", port + 4, Map.of("serverPublicKey", Base64.getEncoder().encodeToString(key)))).post("/api/v1/endpoints")
                .then().statusCode(201).body("credential.monitorPublicKey", notNullValue()).body("credential.monitorPrivateKey", nullValue());
        as(token).body(body("OPENVPN", port + 5, Map.of("transport", "udp"))).post("/api/v1/endpoints")
                .then().statusCode(201).body("credential.ownershipToken", notNullValue());
        as(token).get("/api/v1/endpoints").then().statusCode(200).body("$", hasSize(6)).body("credential", hasItem(nullValue()));
        as(token).body(body("OPENVPN", port + 6, Map.of())).post("/api/v1/endpoints")
                .then().statusCode(400).body("errors.field", hasItem("protocolFields.transport"));
        as(token).body(body("SOCKS5", port + 1, Map.of())).post("/api/v1/endpoints")
                .then().statusCode(409).body("code", equalTo("endpoint.duplicate")).body("errors.field", hasItem("host"));
        as(token).body(Map.of("type", "SOCKS5", "host", "192.168.1.1", "port", 1080, "region", "Russia")).post("/api/v1/endpoints")
                .then().statusCode(400).body("errors.code", hasItem("endpoint.host.refused.private"));
    }

    @Test
    void shouldKeepOperatorBOutOfOperatorAsEndpoints() {
        WebClient a = new WebClient();
        a.signUp("api-a");
        String tokenA = a.createApiToken();
        WebClient b = new WebClient();
        b.signUp("api-b");
        String tokenB = b.createApiToken();
        int port = EndpointPagesTest.freePort();
        int id = as(tokenA).body(body("SOCKS5", port, Map.of())).post("/api/v1/endpoints").then().statusCode(201)
                .extract().path("id");
        as(tokenB).get("/api/v1/endpoints/" + id).then().statusCode(404);
        as(tokenB).get("/api/v1/endpoints").then().statusCode(200).body("$", hasSize(0));
        as(tokenB).body(Map.of("host", "127.0.0.1", "port", port + 1)).post("/api/v1/endpoints/" + id + "/rotate").then().statusCode(404);
        as(tokenA).get("/api/v1/endpoints/" + id).then().statusCode(200).body("port", equalTo(port)).body("addressVersion", equalTo(1));
        as(tokenA).body(Map.of("host", "127.0.0.1", "port", port + 1)).post("/api/v1/endpoints/" + id + "/rotate")
                .then().statusCode(200).body("id", equalTo(id)).body("port", equalTo(port + 1)).body("addressVersion", equalTo(2));
        given().get("/api/v1/endpoints").then().statusCode(401);
        given().header("Authorization", "Bearer pf_not-a-token").get("/api/v1/endpoints").then().statusCode(401);
    }

    @Test
    void shouldLetAdminsApproveAndSuspendEndpointsAndFlagOneSubnetAcrossOperators() {
        WebClient a = new WebClient();
        a.signUp("subnet-a");
        String tokenA = a.createApiToken();
        WebClient b = new WebClient();
        b.signUp("subnet-b");
        String tokenB = b.createApiToken();
        int port = EndpointPagesTest.freePort();
        int id = as(tokenA).body(body("SOCKS5", port, Map.of())).post("/api/v1/endpoints").then().statusCode(201).extract().path("id");
        as(tokenB).body(body("SOCKS5", port + 1, Map.of())).post("/api/v1/endpoints").then().statusCode(201);
        String admin = WebClient.admin().createApiToken();
        as(admin).get("/api/v1/admin/endpoints").then().statusCode(200).body("id", hasItem(id));
        as(admin).body(Map.of("state", "APPROVED")).post("/api/v1/admin/endpoints/" + id + "/state").then().statusCode(200)
                .body("id", equalTo(id)).body("state", equalTo("APPROVED"));
        as(admin).body(Map.of("state", "SUSPENDED")).post("/api/v1/admin/endpoints/" + id + "/state").then().statusCode(400)
                .body("errors.code", hasItem("state.reason-required"));
        as(admin).body(Map.of("state", "PENDING")).post("/api/v1/admin/endpoints/" + id + "/state").then().statusCode(409)
                .body("code", equalTo("state.not-allowed"));
        as(tokenA).get("/api/v1/endpoints/" + id).then().body("state", equalTo("APPROVED"));
        as(tokenA).body(Map.of("state", "APPROVED")).post("/api/v1/admin/endpoints/" + id + "/state").then().statusCode(403);
        as(admin).get("/api/v1/admin/flags").then().statusCode(200)
                .body("find { it.kind == 'SAME_SUBNET' && it.shared == '127.0.0.0/24' }.handles", hasItem(org.hamcrest.Matchers.startsWith("subnet-a")))
                .body("find { it.kind == 'SAME_SUBNET' && it.shared == '127.0.0.0/24' }.handles", hasItem(org.hamcrest.Matchers.startsWith("subnet-b")));
    }

    @Test
    void shouldRefuseEndpointsBeyondThePerOperatorLimit() {
        WebClient c = new WebClient();
        c.signUp("api-limit");
        String token = c.createApiToken();
        int port = EndpointPagesTest.freePort() / 2;
        for (int i = 0; i < 20; i++) {
            as(token).body(body("SOCKS5", port + i, Map.of())).post("/api/v1/endpoints").then().statusCode(201);
        }
        as(token).body(body("SOCKS5", port + 20, Map.of())).post("/api/v1/endpoints")
                .then().statusCode(409).body("code", equalTo("endpoint.limit"));
    }
}
