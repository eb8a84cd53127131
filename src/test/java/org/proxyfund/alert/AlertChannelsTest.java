package org.proxyfund.alert;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.proxyfund.common.events.OperatorEvent;
import org.proxyfund.common.events.OperatorEventType;
import org.proxyfund.common.db.Sql;
import org.proxyfund.common.identity.Actor;
import org.proxyfund.endpoint.EndpointDraft;
import org.proxyfund.endpoint.EndpointService;
import org.proxyfund.endpoint.EndpointState;
import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.operator.WebClient;
import org.proxyfund.webhook.TestReceiver;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The other alert channels: a webhook subscription disabled after persistent failure alerts its operator by e-mail and
 * in the private feed; an endpoint without check results is alerted once, not inside maintenance; the daily digest gathers a day's alerts into one mail instead of one each.
 */
@QuarkusTest
class AlertChannelsTest {

    private static final Pattern FEED = Pattern.compile("<code id=\"feed-url\">[^<]*(/feed/[0-9a-f]{64}\\.atom)</code>");

    @Inject
    MailDeliverer deliverer;
    @Inject
    DigestSender digests;
    @Inject
    Event<OperatorEvent> events;
    @Inject
    AlertScanner scanner;
    @Inject
    EndpointService endpoints;
    @Inject
    DataSource ds;

    private record Op(WebClient web, long account, String address) {
    }

    private Op verifiedOperator(String prefix) throws Exception {
        WebClient web = new WebClient();
        long account = AlertEmailTest.accountOf(web.signUp(prefix));
        String address = AlertEmailTest.unique(prefix);
        String token = AlertEmailTest.setAddress(web, address, "en", deliverer);
        given().get("/account/alerts/verify?token=" + token).then().statusCode(200);
        return new Op(web, account, address);
    }

    @Test
    void shouldAlertTheOperatorByMailAndFeedWhenAWebhookSubscriptionIsDisabled() throws Exception {
        Op op = verifiedOperator("pfa-hook");
        String token = op.web().createApiToken();
        op.web().get("/account/feed");
        Matcher feed = FEED.matcher(op.web().post("/account/feed/rotate").then().statusCode(200).extract().asString());
        assertTrue(feed.find());
        try (TestReceiver receiver = new TestReceiver()) {
            receiver.status.set(500);
            long id = given().header("Authorization", "Bearer " + token).contentType("application/json")
                    .body(Map.of("url", receiver.url(), "events", List.of("payout.sent"))).post("/api/v1/webhooks")
                    .then().statusCode(201).extract().jsonPath().getLong("webhook.id");
            given().header("Authorization", "Bearer " + token).post("/api/v1/webhooks/" + id + "/ping").then().statusCode(202);
            // The webhook sender (every second in tests) tries three times, gives the delivery up, disables the subscription.
            List<SmtpSink.Mail> mails = SmtpSink.await(op.address(), 2);
            assertEquals(2, mails.size(), "the verification link, then the alert: " + mails);
            assertEquals("Webhook subscription disabled", mails.get(1).subject());
            assertTrue(mails.get(1).body().contains(receiver.url()) && mails.get(1).body().contains("/api/v1/webhooks/" + id + "/enable"),
                    mails.get(1).body());
            given().header("Authorization", "Bearer " + token).get("/api/v1/webhooks/" + id).then().body(containsString("DISABLED"));
        }
        given().get(feed.group(1)).then().statusCode(200).body(containsString("Webhook subscription disabled"));
    }

    @Test
    void shouldAlertAnEndpointWithoutCheckResultsOnceAndNotInsideMaintenance() throws Exception {
        Op op = verifiedOperator("pfa-stale");
        Sql sql = new Sql(ds);
        sql.update("UPDATE account SET state = 'APPROVED' WHERE id = ?", op.account());
        long silent = approved(op.account(), "relay-silent");
        long planned = approved(op.account(), "relay-planned-silent");
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        sql.update("INSERT INTO maintenance_window (endpoint_id, starts_at, ends_at, declared_at) VALUES (?, ?, ?, ?)",
                planned, hour, hour.plus(2, ChronoUnit.HOURS), hour);
        for (long id : List.of(silent, planned)) {
            sql.update("INSERT INTO check_schedule (endpoint_id, next_check_at, last_checked_at, last_status) VALUES (?, ?, ?, 'UP')",
                    id, Instant.now().plusSeconds(3600), Instant.now().minusSeconds(3600));
        }
        scanner.runOnce();
        scanner.runOnce();
        deliverer.runOnce();
        List<SmtpSink.Mail> mails = SmtpSink.await(op.address(), 2);
        Thread.sleep(1000);
        mails = SmtpSink.to(op.address());
        assertEquals(List.of("proxyfund: confirm your alert address", "No check results: relay-silent"),
                mails.stream().map(SmtpSink.Mail::subject).toList(), "once, and not for the endpoint in maintenance");
        assertTrue(mails.get(1).body().contains("15 minutes"), mails.get(1).body());
    }

    private long approved(long account, String label) {
        var r = endpoints.register(account, new EndpointDraft(EndpointType.SOCKS5, "127.0.0.1",
                org.proxyfund.common.testing.TestPorts.block(1), "EU", Map.of()), label, Actor.system());
        assertTrue(r.ok(), () -> r.errors().toString());
        endpoints.transitionTo(r.endpoint().id, EndpointState.APPROVED, Actor.system(), null);
        return r.endpoint().id;
    }

    @Test
    void shouldGatherTheDaysAlertsIntoOneDigestMailWhenTheOperatorChoseIt() throws Exception {
        Op op = verifiedOperator("pfa-digest");
        op.web().get("/account/alerts");
        op.web().post("/account/alerts/settings", "email", "true", "feed", "true", "digest", "true").then().statusCode(303);
        op.web().get("/account/alerts").then().body(containsString("name=\"digest\" value=\"true\" checked"));
        QuarkusTransaction.requiringNew().run(() -> {
            events.fire(new OperatorEvent(OperatorEventType.PAYOUT_SENT, op.account(), Map.of("batchId", 7, "txid", "ab".repeat(32), "amountSats", 120_000)));
            events.fire(new OperatorEvent(OperatorEventType.PAYOUT_CONFIRMED, op.account(),
                    Map.of("batchId", 7, "txid", "ab".repeat(32), "amountSats", 120_000, "confirmations", 6)));
        });
        deliverer.runOnce();
        Thread.sleep(1000);
        assertEquals(1, SmtpSink.to(op.address()).size(), "with the digest, no mail per alert");
        assertTrue(digests.runOnce() >= 1);
        deliverer.runOnce();
        List<SmtpSink.Mail> mails = SmtpSink.await(op.address(), 2);
        assertEquals(2, mails.size());
        SmtpSink.Mail digest = mails.get(1);
        assertEquals("proxyfund: 2 alerts", digest.subject());
        assertTrue(digest.body().contains("Payout sent: 120000 sats") && digest.body().contains("Payout confirmed: 120000 sats"), digest.body());
        digests.runOnce();
        deliverer.runOnce();
        Thread.sleep(1000);
        assertEquals(2, SmtpSink.to(op.address()).size(), "each alert goes into one digest only");
    }
}
