package org.proxyfund.feed;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.proxyfund.common.db.Sql;
import org.proxyfund.operator.Account;
import org.proxyfund.operator.WebClient;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.sql.DataSource;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The private Atom feed: valid Atom 1.0 (jing against the RFC 4287 grammar, Python's feedparser as an independent
 * reader), readable only under its secret URL, dead after rotation or revocation, and only the owner's events.
 */
@QuarkusTest
class FeedTest {

    private static final Pattern URL = Pattern.compile("<code id=\"feed-url\">[^<]*(/feed/[0-9a-f]{64}\\.atom)</code>");
    private static final String LABEL = "relay <A&B> \"north\"";

    @Inject
    DataSource ds;

    record Op(WebClient web, String token, long accountId) {
    }

    private static Op operator(String prefix) {
        WebClient web = new WebClient();
        String handle = web.signUp(prefix);
        String token = web.createApiToken();
        return new Op(web, token, QuarkusTransaction.requiringNew().call(() -> Account.byHandle(handle).orElseThrow().id));
    }

    private static long endpoint(Op op, String label) {
        int port = org.proxyfund.common.testing.TestPorts.block(1);
        Number id = given().header("Authorization", "Bearer " + op.token()).contentType(ContentType.JSON)
                .body(Map.of("type", "SOCKS5", "label", label, "host", "127.0.0.1", "port", port, "region", "Iran",
                        "protocolFields", Map.of())).post("/api/v1/endpoints").then().statusCode(201).extract().path("id");
        return id.longValue();
    }

    /** Makes (or rotates) the feed on the account page and returns the path of its secret URL, shown once. */
    private static String rotate(Op op) {
        op.web().get("/account/feed");
        String page = op.web().post("/account/feed/rotate").then().statusCode(200).extract().asString();
        Matcher m = URL.matcher(page);
        assertTrue(m.find(), page);
        return m.group(1);
    }

    private static void validate(String atom) throws Exception {
        Path file = Files.createTempFile("pfs-feed", ".xml");
        try {
            Files.writeString(file, atom);
            Process jing = new ProcessBuilder("/usr/bin/jing", "-c", Path.of("src/test/resources/atom/atom.rnc").toString(), file.toString())
                    .redirectErrorStream(true).start();
            String out = new String(jing.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(jing.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, jing.exitValue(), "jing (RFC 4287 grammar): " + out + "\n" + atom);
            Process fp = new ProcessBuilder("/usr/bin/python3", "-c", "import sys, feedparser; d = feedparser.parse(open(sys.argv[1], 'rb').read());"
                    + " print(d.version, bool(d.bozo), len(d.entries))", file.toString()).redirectErrorStream(true).start();
            String parsed = new String(fp.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertTrue(fp.waitFor(60, TimeUnit.SECONDS));
            assertTrue(parsed.startsWith("atom10 False "), "feedparser: " + parsed);
        } finally {
            Files.deleteIfExists(file);
        }
        Document doc = DocumentBuilderFactory.newNSInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(atom.getBytes(StandardCharsets.UTF_8)));
        // RFC 4287's Schematron rules: an author for the feed (or each entry), entry ids unique.
        assertEquals(1, doc.getDocumentElement().getElementsByTagNameNS("http://www.w3.org/2005/Atom", "author").getLength());
        NodeList ids = doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "id");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ids.getLength(); i++) {
            assertTrue(seen.add(ids.item(i).getTextContent()), "ids are unique: " + ids.item(i).getTextContent());
        }
    }

    @Test
    void shouldServeAValidAtomFeedOnlyUnderItsSecretUrlAndForgetTheOldUrlOnRotation() throws Exception {
        Op op = operator("pfs-feed");
        long down = endpoint(op, LABEL);
        long planned = endpoint(op, "planned relay");
        Instant since = Instant.now().minusSeconds(600);
        new Sql(ds).update("INSERT INTO check_schedule (endpoint_id, next_check_at, last_checked_at, last_status, last_reason, down_since)"
                + " VALUES (?, ?, ?, 'DOWN', 'AUTH_REJECTED', ?)", down, Instant.now().plusSeconds(30).atOffset(ZoneOffset.UTC),
                Instant.now().minusSeconds(10).atOffset(ZoneOffset.UTC), since.atOffset(ZoneOffset.UTC));
        String start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(3)).toString();
        given().header("Authorization", "Bearer " + op.token()).contentType(ContentType.JSON)
                .body(Map.of("startsAt", start, "hours", 2)).post("/api/v1/endpoints/" + planned + "/maintenance").then().statusCode(201);

        op.web().get("/account").then().statusCode(200).body(containsString("/account/feed"));
        op.web().get("/account/feed").then().statusCode(200).body(containsString("id=\"feed-off\""));
        op.web().postWithoutToken("/account/feed/rotate").then().statusCode(403);
        String first = rotate(op);
        op.web().get("/account/feed").then().statusCode(200).body(containsString("id=\"feed-on\""))
                .body(org.hamcrest.Matchers.not(containsString(first)));

        String atom = given().get(first).then().statusCode(200).contentType(containsString("application/atom+xml")).extract().asString();
        validate(atom);
        assertTrue(atom.contains("<title>Down: relay &lt;A&amp;B&gt; &quot;north&quot;</title>"), atom);
        assertTrue(atom.contains("The endpoint refused the credential we issued"), "the reason in words: " + atom);
        assertTrue(atom.contains("Maintenance declared: planned relay"), atom);
        String secret = first.substring("/feed/".length(), first.length() - ".atom".length());
        assertEquals(1, atom.split(secret, -1).length - 1, "the secret appears once, in the self link");
        String ru = given().get(first + "?lang=ru").then().statusCode(200).extract().asString();
        validate(ru);
        assertTrue(ru.contains("Не работает: relay") && ru.contains("Обслуживание объявлено: planned relay"), ru);

        given().get("/feed/" + "0".repeat(64) + ".atom").then().statusCode(404);
        given().get("/feed/not-a-secret.atom").then().statusCode(404);
        String second = rotate(op);
        given().get(first).then().statusCode(404);
        given().get(second).then().statusCode(200);
        op.web().get("/account/feed");
        op.web().post("/account/feed/revoke").then().statusCode(303);
        given().get(second).then().statusCode(404);
        op.web().get("/account/feed").then().body(containsString("id=\"feed-off\""));
    }

    @Test
    void shouldShowEachOperatorOnlyTheirOwnEvents() throws Exception {
        Op alice = operator("pfs-feed-alice");
        long id = endpoint(alice, "alice only");
        new Sql(ds).update("INSERT INTO check_schedule (endpoint_id, next_check_at, last_checked_at, last_status, last_reason, down_since)"
                + " VALUES (?, ?, ?, 'DOWN', 'TIMEOUT', ?)", id, Instant.now().plusSeconds(30).atOffset(ZoneOffset.UTC),
                Instant.now().minusSeconds(10).atOffset(ZoneOffset.UTC), Instant.now().minusSeconds(100).atOffset(ZoneOffset.UTC));
        Op bob = operator("pfs-feed-bob");
        String bobs = given().get(rotate(bob)).then().statusCode(200).extract().asString();
        validate(bobs);
        assertFalse(bobs.contains("alice only"), bobs);
        assertTrue(given().get(rotate(alice)).then().statusCode(200).extract().asString().contains("Down: alice only"));
    }
}
