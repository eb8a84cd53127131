package org.proxyfund.alert;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.proxyfund.common.db.Sql;
import org.proxyfund.operator.Account;
import org.proxyfund.operator.WebClient;

import javax.sql.DataSource;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The e-mail channel against a real SMTP server (aiosmtpd, {@link SmtpSink}): an address set on the account page gets
 * a one-use, expiring verification link and nothing else until it is opened; a server that refuses a recipient gets
 * retries with growing waits, then the mail is given up.
 */
@QuarkusTest
@QuarkusTestResource(SmtpSink.class)
class AlertEmailTest {

    private static final Pattern LINK = Pattern.compile("http://[^\\s]+/account/alerts/verify\\?token=([A-Za-z0-9_-]+)");

    @Inject
    AlertAddresses addresses;
    @Inject
    MailDeliverer deliverer;
    @Inject
    DataSource ds;
    @Inject
    MailSender sender;

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    static long accountOf(String handle) {
        return QuarkusTransaction.requiringNew().call(() -> Account.byHandle(handle).orElseThrow().id);
    }

    /** Sets the address on the account page and returns the token of the link mailed to it. */
    static String setAddress(WebClient web, String address, String language, MailDeliverer deliverer) throws Exception {
        web.get("/account/alerts").then().statusCode(200);
        int before = SmtpSink.to(address).size();
        web.post("/account/alerts/email", "address", address, "language", language).then().statusCode(200)
                .body(containsString("id=\"alert-notice\""));
        deliverer.runOnce();
        List<SmtpSink.Mail> mails = SmtpSink.await(address, before + 1);
        assertEquals(before + 1, mails.size(), "one verification mail: " + mails);
        Matcher m = LINK.matcher(mails.get(before).body());
        assertTrue(m.find(), mails.get(before).body());
        return m.group(1);
    }

    @Test
    void shouldMailOnlyAVerifiedAddressAndAcceptItsLinkOnceBeforeItExpires() throws Exception {
        WebClient web = new WebClient();
        String handle = web.signUp("pfa-mail");
        long account = accountOf(handle);
        String address = unique("op");

        web.get("/account").then().statusCode(200).body(containsString("/account/alerts"));
        web.get("/account/alerts").then().statusCode(200).body(containsString("id=\"email-none\""));
        web.postWithoutToken("/account/alerts/email", "address", address).then().statusCode(403);
        web.post("/account/alerts/email", "address", "not an address", "language", "en").then().statusCode(400);
        web.post("/account/alerts/email", "address", "a@b.org\r\nBcc: victim@example.org", "language", "en").then().statusCode(400);

        String token = setAddress(web, address, "ru", deliverer);
        SmtpSink.Mail verify = SmtpSink.to(address).get(0);
        assertEquals("proxyfund: подтвердите адрес для оповещений", verify.subject(), "in the language chosen");
        assertTrue(verify.body().contains(handle), verify.body());
        web.get("/account/alerts").then().body(containsString("id=\"email-unverified\""));
        assertFalse(verify.body().contains(hashOf(account)), "the mail carries the token, the database only its hash");

        assertFalse(QuarkusTransaction.requiringNew().call(() -> addresses.mailIfVerified(account, "ALERT", "s", "b")),
                "nothing but the link goes to an unverified address");
        deliverer.runOnce();
        assertEquals(1, SmtpSink.to(address).size());

        given().get("/account/alerts/verify?token=" + token + "x").then().statusCode(404).body(containsString("verify-failed"));
        given().get("/account/alerts/verify?token=" + token).then().statusCode(200).body(containsString(address));
        given().get("/account/alerts/verify?token=" + token).then().statusCode(404);
        web.get("/account/alerts").then().body(containsString("id=\"email-verified\""));

        assertTrue(QuarkusTransaction.requiringNew().call(() -> addresses.mailIfVerified(account, "ALERT", "endpoint down", "body")));
        deliverer.runOnce();
        List<SmtpSink.Mail> got = SmtpSink.await(address, 2);
        assertEquals("endpoint down", got.get(1).subject());

        // A new address is unverified again, and a link past its validity does nothing.
        String other = unique("op2");
        String stale = setAddress(web, other, "en", deliverer);
        new Sql(ds).update("UPDATE alert_email SET token_expires_at = now() - interval '1 second' WHERE account_id = ?", account);
        given().get("/account/alerts/verify?token=" + stale).then().statusCode(404);
        assertFalse(QuarkusTransaction.requiringNew().call(() -> addresses.mailIfVerified(account, "ALERT", "s", "b")));
        assertEquals("proxyfund: confirm your alert address", SmtpSink.to(other).get(0).subject());
    }

    @Test
    void shouldRetryAMailTheServerRefusesWithGrowingWaitsThenGiveItUp() throws Exception {
        WebClient web = new WebClient();
        long account = accountOf(web.signUp("pfa-refuse"));
        String address = unique("refuse");
        web.get("/account/alerts");
        web.post("/account/alerts/email", "address", address, "language", "en").then().statusCode(200);
        Sql sql = new Sql(ds);
        record Row(String state, int attempts, String error) {
        }
        // The scheduled sender (every second in tests) and this test share the work through the lease; skip the waits.
        Row row = null;
        long until = System.nanoTime() + java.time.Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < until) {
            row = sql.one("SELECT state, attempts, last_error FROM mail_outbox WHERE account_id = ?",
                    rs -> new Row(rs.getString(1), rs.getInt(2), rs.getString(3)), account).orElseThrow();
            if ("FAILED".equals(row.state())) break;
            sql.update("UPDATE mail_outbox SET next_attempt_at = now() WHERE account_id = ? AND state = 'PENDING'"
                    + " AND (lease_until IS NULL OR lease_until < now()) AND last_error IS NOT NULL AND attempts >= 1", account);
            deliverer.runOnce();
            Thread.sleep(50);
        }
        assertEquals("FAILED", row.state(), row.toString());
        assertEquals(3, row.attempts());
        assertTrue(row.error().contains("550"), row.error());
        assertTrue(SmtpSink.to(address).isEmpty());
        assertEquals(deliverer.wait(1).multipliedBy(4), deliverer.wait(2), "waits grow four-fold");
    }

    @Test
    void shouldAnswerEveryAttemptAfterRefusalsFromSeveralThreadsAtOnce() throws Exception {
        String good = unique("good");
        List<java.util.concurrent.Future<MailSender.Outcome>> outcomes = new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(3)) {
            for (int i = 0; i < 12; i++) {
                String to = i % 2 == 0 ? unique("refuse") : good;
                outcomes.add(pool.submit(() -> sender.send(to, "hello", "text")));
            }
        }
        int sent = 0;
        for (var f : outcomes) {
            MailSender.Outcome o = f.get();
            if (o.sent()) {
                sent++;
            } else {
                assertTrue(o.error().contains("550"), "a refusal, not a hang: " + o.error());
            }
        }
        assertEquals(6, sent);
        assertEquals(6, SmtpSink.await(good, 6).size());
    }

    private String hashOf(long account) {
        return new Sql(ds).one("SELECT encode(token_sha256, 'hex') FROM alert_email WHERE account_id = ?", rs -> rs.getString(1), account)
                .orElse("no token");
    }
}
