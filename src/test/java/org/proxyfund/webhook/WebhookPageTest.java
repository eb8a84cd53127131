package org.proxyfund.webhook;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.proxyfund.operator.WebClient;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The account's webhook page against a real receiver on loopback: subscribe (secret shown once), the delivery log with
 * the receiver's status, redelivery of the same event, delete; private addresses and forms without the CSRF token are
 * refused; another operator reaches none of it.
 */
@QuarkusTest
class WebhookPageTest {

    private static final Pattern SECRET = Pattern.compile("<code id=\"webhook-secret\">(whsec_[^<]+)</code>");
    private static final Pattern LOG_LINK = Pattern.compile("href=\"/account/webhooks/(\\d+)\"");

    @Test
    void shouldSubscribeShowTheDeliveryLogRedeliverAndDeleteFromTheAccountPage() throws Exception {
        WebClient web = new WebClient();
        web.signUp("pfa-hookpage");
        String token = web.createApiToken();
        web.get("/account/alerts").then().statusCode(200).body(containsString("/account/webhooks"));
        web.get("/account/webhooks").then().statusCode(200).body(containsString("id=\"webhooks-none\""));
        web.postWithoutToken("/account/webhooks", "url", "http://127.0.0.1:9/x", "events", "payout.sent").then().statusCode(403);
        web.post("/account/webhooks", "url", "https://169.254.169.254/latest", "events", "endpoint.down").then().statusCode(400)
                .body(containsString("public addresses only"));
        web.post("/account/webhooks", "url", "https://example.org/x", "events", "no.such").then().statusCode(400)
                .body(containsString("Unknown event type"));
        try (TestReceiver receiver = new TestReceiver()) {
            String page = web.post("/account/webhooks", "url", receiver.url(), "events", "endpoint.down", "events", "endpoint.recovered")
                    .then().statusCode(200).extract().asString();
            Matcher secret = SECRET.matcher(page);
            assertTrue(secret.find(), page);
            Matcher link = LOG_LINK.matcher(page);
            assertTrue(link.find(), page);
            long id = Long.parseLong(link.group(1));
            assertTrue(page.contains("endpoint.down, endpoint.recovered"), page);
            web.get("/account/webhooks").then().body(not(containsString(secret.group(1))));

            given().header("Authorization", "Bearer " + token).post("/api/v1/webhooks/" + id + "/ping").then().statusCode(202);
            await(receiver, 1);
            String log = web.get("/account/webhooks/" + id).then().statusCode(200).extract().asString();
            assertTrue(log.contains("HTTP 204") && log.contains("delivered"), log);
            Matcher redeliver = Pattern.compile("action=\"(/account/webhooks/" + id + "/deliveries/\\d+/redeliver)\"").matcher(log);
            assertTrue(redeliver.find(), log);
            web.post(redeliver.group(1)).then().statusCode(200).body(containsString("id=\"redelivered\""));
            await(receiver, 2);
            assertEquals(receiver.received.get(0).eventId(), receiver.received.get(1).eventId(), "the same event again");

            WebClient other = new WebClient();
            other.signUp("pfa-hookother");
            other.get("/account/webhooks/" + id).then().statusCode(404);
            other.get("/account/webhooks");
            other.post(redeliver.group(1)).then().statusCode(404);
            other.post("/account/webhooks/" + id + "/delete").then().statusCode(303);
            web.get("/account/webhooks").then().body(containsString(receiver.url()));

            web.post("/account/webhooks/" + id + "/delete").then().statusCode(303);
            web.get("/account/webhooks").then().body(containsString("id=\"webhooks-none\""));
        }
        web.get("/account/webhooks?lang=ru").then().body(containsString("Подписок нет."));
    }

    private static void await(TestReceiver receiver, int count) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (receiver.received.size() < count) {
            assertTrue(System.nanoTime() < until, "timed out waiting for delivery " + count);
            Thread.sleep(100);
        }
    }
}
