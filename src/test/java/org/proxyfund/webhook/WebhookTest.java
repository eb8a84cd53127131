package org.proxyfund.webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.proxyfund.operator.WebClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhooks against a real HTTP receiver on loopback: signed deliveries with a log, retries with growing waits, giving
 * up and disabling, redelivery, and the refusals (private addresses, bad input, another operator's webhooks).
 */
@QuarkusTest
class WebhookTest {

    private static String operatorToken(String prefix) {
        WebClient operator = new WebClient();
        operator.signUp(prefix);
        return operator.createApiToken();
    }

    private static Response create(String token, String url, List<String> events) {
        return given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body(Map.of("url", url, "events", events)).post("/api/v1/webhooks");
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < until, "timed out waiting for " + what);
            Thread.sleep(100);
        }
    }

    @Test
    void shouldDeliverASignedPingThatTheReceiverCanVerifyAndLogIt() throws Exception {
        String token = operatorToken("hooks");
        try (TestReceiver receiver = new TestReceiver()) {
            JsonPath created = create(token, receiver.url(), List.of("payout.sent", "payout.confirmed")).then().statusCode(201)
                    .extract().jsonPath();
            long id = created.getLong("webhook.id");
            String secret = created.getString("secret");
            assertTrue(secret.startsWith("whsec_") && secret.length() > 40, "a long random secret: " + secret);
            assertEquals(List.of("payout.sent", "payout.confirmed"), created.getList("webhook.events"));
            assertEquals("ACTIVE", created.getString("webhook.state"));
            String listed = given().header("Authorization", "Bearer " + token).get("/api/v1/webhooks").asString();
            assertFalse(listed.contains(secret), "the secret is shown once, at creation");

            String eventId = given().header("Authorization", "Bearer " + token).post("/api/v1/webhooks/" + id + "/ping")
                    .then().statusCode(202).extract().jsonPath().getString("eventId");
            await("the ping delivered", () -> !receiver.received.isEmpty());
            TestReceiver.Received r = receiver.received.getFirst();
            assertEquals("ping", r.event());
            assertEquals(eventId, r.eventId());
            assertTrue(WebhookSigner.verifies(secret, r.signature(), r.body()), "signed with the secret: " + r.signature());
            assertFalse(WebhookSigner.verifies(secret, r.signature(), r.body() + " "), "a changed body does not verify");
            assertFalse(WebhookSigner.verifies("whsec_other", r.signature(), r.body()), "another secret does not verify");
            long t = Long.parseLong(r.signature().substring(2, r.signature().indexOf(',')));
            assertTrue(Math.abs(t - r.at().getEpochSecond()) < 120, "the signed time is the time of sending");
            JsonPath body = JsonPath.from(r.body());
            assertEquals("ping", body.getString("type"));
            assertEquals(1, body.getInt("version"));
            assertEquals(id, body.getLong("data.subscriptionId"));

            await("the log says delivered", () -> "DELIVERED".equals(given().header("Authorization", "Bearer " + token)
                    .get("/api/v1/webhooks/" + id + "/deliveries").jsonPath().getString("[0].state")));
            JsonPath log = given().header("Authorization", "Bearer " + token).get("/api/v1/webhooks/" + id + "/deliveries")
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(1, log.getList("").size());
            assertEquals(204, log.getInt("[0].log[0].status"));
            assertNull(log.get("[0].log[0].error"));
            assertEquals(r.body(), log.getString("[0].payload"), "the log keeps the payload exactly as sent");
        }
    }

    @Test
    void shouldRetryWithGrowingWaitsThenGiveUpDisableAndDeliverAgainOnceFixed() throws Exception {
        String token = operatorToken("hooks-fail");
        try (TestReceiver receiver = new TestReceiver()) {
            receiver.status.set(500);
            long id = create(token, receiver.url(), List.of("payout.confirmed")).then().statusCode(201).extract().jsonPath()
                    .getLong("webhook.id");
            given().header("Authorization", "Bearer " + token).post("/api/v1/webhooks/" + id + "/ping").then().statusCode(202);
            // test profile: 3 attempts, the second 300 ms after the first, the third 1.2 s after the second; disabled
            // after one delivery given up.
            await("the subscription disabled", () -> "DISABLED".equals(given().header("Authorization", "Bearer " + token)
                    .get("/api/v1/webhooks/" + id).jsonPath().getString("state")));
            assertEquals(3, receiver.received.size(), "three attempts, no more");
            Duration first = Duration.between(receiver.received.get(0).at(), receiver.received.get(1).at());
            Duration second = Duration.between(receiver.received.get(1).at(), receiver.received.get(2).at());
            assertTrue(first.toMillis() >= 300, "waited before the second attempt: " + first);
            assertTrue(second.toMillis() >= 1200, "waited four times as long before the third: " + second);
            JsonPath sub = given().header("Authorization", "Bearer " + token).get("/api/v1/webhooks/" + id).jsonPath();
            assertTrue(sub.getString("disabledReason").contains("the receiver answered 500"), sub.getString("disabledReason"));
            JsonPath log = given().header("Authorization", "Bearer " + token).get("/api/v1/webhooks/" + id + "/deliveries").jsonPath();
            assertEquals("FAILED", log.getString("[0].state"));
            assertEquals(List.of(500, 500, 500), log.getList("[0].log.status", Integer.class));
            long delivery = log.getLong("[0].id");

            // A disabled subscription gets nothing new; fixed and enabled again, the logged event is delivered again.
            given().header("Authorization", "Bearer " + token).post("/api/v1/webhooks/" + id + "/ping").then().statusCode(202);
            Thread.sleep(2_500);
            assertEquals(3, receiver.received.size(), "nothing is sent to a disabled subscription");
            receiver.status.set(200);
            given().header("Authorization", "Bearer " + token).post("/api/v1/webhooks/" + id + "/enable").then().statusCode(200);
            given().header("Authorization", "Bearer " + token).post("/api/v1/webhooks/deliveries/" + delivery + "/redeliver")
                    .then().statusCode(202);
            await("the pending ping and the redelivery delivered", () -> receiver.received.size() == 5);
            assertEquals(4, receiver.received.stream().filter(x -> x.eventId().equals(receiver.received.getFirst().eventId())).count(),
                    "three failed attempts and the redelivery of the same event");
        }
    }

    @Test
    void shouldRefusePrivateTargetsAndBadInputAndHideOneOperatorsWebhooksFromAnother() throws Exception {
        String token = operatorToken("hooks-guard");
        for (String url : List.of("http://10.0.0.1/hook", "http://192.168.1.10/hook", "http://169.254.169.254/latest/meta-data",
                "http://[fd00::1]/hook")) {
            JsonPath refused = create(token, url, List.of("payout.sent")).then().statusCode(400).extract().jsonPath();
            assertEquals("webhook.url.refused", refused.getString("errors[0].code"), url);
            assertTrue(refused.getString("errors[0].message").contains("public addresses only"), refused.getString("errors[0].message"));
        }
        assertEquals("webhook.url.scheme", create(token, "ftp://example.org/x", List.of("payout.sent")).then().statusCode(400)
                .extract().jsonPath().getString("errors[0].code"));
        assertEquals("webhook.url.too-long", create(token, "http://127.0.0.1/" + "a".repeat(2100), List.of("payout.sent"))
                .then().statusCode(400).extract().jsonPath().getString("errors[0].code"));
        assertEquals("webhook.url.malformed", create(token, "http://user:pw@127.0.0.1/x", List.of("payout.sent"))
                .then().statusCode(400).extract().jsonPath().getString("errors[0].code"));
        JsonPath unknown = create(token, "http://127.0.0.1/x", List.of("<script>alert(1)</script>")).then().statusCode(400)
                .extract().jsonPath();
        assertEquals("webhook.events.unknown", unknown.getString("errors[0].code"));
        assertTrue(unknown.getString("errors[0].message").contains("payout.confirmed"), "names the known types");
        given().contentType("application/json").body(Map.of("url", "http://127.0.0.1/x", "events", List.of("payout.sent")))
                .post("/api/v1/webhooks").then().statusCode(401);

        long mine = create(token, "http://127.0.0.1:9/hook", List.of("payout.sent")).then().statusCode(201).extract()
                .jsonPath().getLong("webhook.id");
        String other = operatorToken("hooks-nosy");
        for (String path : List.of("/api/v1/webhooks/" + mine, "/api/v1/webhooks/" + mine + "/deliveries")) {
            assertEquals("webhook.not-found", given().header("Authorization", "Bearer " + other).get(path).then().statusCode(404)
                    .extract().jsonPath().getString("code"), path);
        }
        given().header("Authorization", "Bearer " + other).post("/api/v1/webhooks/" + mine + "/ping").then().statusCode(404);
        given().header("Authorization", "Bearer " + other).delete("/api/v1/webhooks/" + mine).then().statusCode(404);
        assertEquals(List.of(), given().header("Authorization", "Bearer " + other).get("/api/v1/webhooks").jsonPath().getList(""));
        given().header("Authorization", "Bearer " + token).delete("/api/v1/webhooks/" + mine).then().statusCode(200);
        given().header("Authorization", "Bearer " + token).get("/api/v1/webhooks/" + mine).then().statusCode(404);
    }
}
