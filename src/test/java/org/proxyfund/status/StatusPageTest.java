package org.proxyfund.status;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proxyfund.status.StatusFixtures.hoursAgo;

/** The public /status page and its JSON: right counts against seeded rows, nothing that names an endpoint, cacheable. */
@QuarkusTest
class StatusPageTest {

    static final String LABEL = "pfs-label-do-not-publish";

    @Inject
    DataSource ds;
    @Inject
    StatusCache cache;

    private JsonPath status() {
        cache.invalidate();
        return given().get("/api/v1/status").then().statusCode(200).extract().jsonPath();
    }

    private static long count(JsonPath j, String protocol, String state) {
        return j.getLong("protocols.find { it.protocol == '" + protocol + "' }." + state);
    }

    @Test
    void shouldCountSeededEndpointsPerProtocolAndTheNetworksUptimeAndNameNoEndpoint() {
        JsonPath before = status();
        var op = StatusFixtures.operator("pfs-counts");
        Instant now = Instant.now();
        long up = op.endpoint("SOCKS5", LABEL + "-up");
        long down = op.endpoint("SOCKS5", LABEL + "-down");
        long stale = op.endpoint("SOCKS5", LABEL + "-stale");
        long unchecked = op.endpoint("HTTP_CONNECT", LABEL + "-new");
        long pending = op.endpoint("SOCKS5", LABEL + "-pending");
        long maintained = op.endpoint("SOCKS5", LABEL + "-maintenance");
        for (long id : List.of(up, down, stale, unchecked, maintained)) {
            StatusFixtures.approve(ds, id);
        }
        StatusFixtures.current(ds, up, "UP", now.minusSeconds(20));
        StatusFixtures.current(ds, down, "DOWN", now.minusSeconds(20));
        // The test profile checks every 60 s: an UP five minutes old has had no successor for two intervals.
        StatusFixtures.current(ds, stale, "UP", now.minusSeconds(300));
        StatusFixtures.current(ds, pending, "UP", now.minusSeconds(20));
        StatusFixtures.current(ds, maintained, "DOWN", now.minusSeconds(20));
        StatusFixtures.window(ds, maintained, hoursAgo(1), hoursAgo(-2));
        StatusFixtures.rollup(ds, up, hoursAgo(0), 50, 10, 0);
        StatusFixtures.rollup(ds, down, hoursAgo(72), 100, 0, 0);
        StatusFixtures.rollup(ds, stale, hoursAgo(480), 0, 40, 5);
        StatusFixtures.rollup(ds, stale, hoursAgo(960), 7, 0, 0);  // older than 30 days: in no window

        JsonPath after = status();
        assertEquals(1, count(after, "SOCKS5", "up") - count(before, "SOCKS5", "up"), "fresh UP counted, the pending one not");
        assertEquals(1, count(after, "SOCKS5", "down") - count(before, "SOCKS5", "down"), "the one in maintenance is not down");
        assertEquals(1, count(after, "SOCKS5", "maintenance") - count(before, "SOCKS5", "maintenance"));
        assertEquals(1, count(after, "SOCKS5", "stale") - count(before, "SOCKS5", "stale"), "an old UP is stale, never up");
        assertEquals(1, count(after, "HTTP CONNECT", "unchecked") - count(before, "HTTP CONNECT", "unchecked"));
        assertEquals(5, after.getLong("total.up") + after.getLong("total.down") + after.getLong("total.stale")
                + after.getLong("total.unchecked") + after.getLong("total.unknown") + after.getLong("total.maintenance")
                - before.getLong("total.up") - before.getLong("total.down") - before.getLong("total.stale")
                - before.getLong("total.unchecked") - before.getLong("total.unknown") - before.getLong("total.maintenance"),
                "only the approved endpoints");
        assertEquals(50, after.getLong("h24.up") - before.getLong("h24.up"));
        assertEquals(10, after.getLong("h24.down") - before.getLong("h24.down"));
        assertEquals(150, after.getLong("d7.up") - before.getLong("d7.up"));
        assertEquals(10, after.getLong("d7.down") - before.getLong("d7.down"));
        assertEquals(150, after.getLong("d30.up") - before.getLong("d30.up"));
        assertEquals(50, after.getLong("d30.down") - before.getLong("d30.down"));
        assertEquals(5, after.getLong("d30.unknown") - before.getLong("d30.unknown"));
        assertEquals(after.getLong("d30.up") * 10_000 / (after.getLong("d30.up") + after.getLong("d30.down")),
                after.getLong("d30.uptimeBasisPoints"));

        // What was paid: the same figures the transparency page computes from the confirmed batches.
        JsonPath t = given().get("/api/v1/transparency").then().statusCode(200).extract().jsonPath();
        assertEquals(t.getLong("paidToOperatorsSats"), after.getLong("paidSats"));
        assertEquals(t.getInt("payoutCount"), after.getInt("payouts"));

        for (String lang : List.of("en", "ru")) {
            String page = given().get("/status?lang=" + lang).then().statusCode(200).extract().asString();
            assertNames(page, op);
            Matcher m = Pattern.compile("data-protocol=\"SOCKS5\"><th scope=\"row\">SOCKS5</th><td class=\"up\">(\\d+)</td>"
                    + "<td class=\"down\">(\\d+)</td><td class=\"stale\">(\\d+)</td>").matcher(page);
            assertTrue(m.find(), "SOCKS5 row on the " + lang + " page");
            assertEquals(count(after, "SOCKS5", "up"), Long.parseLong(m.group(1)));
            assertEquals(count(after, "SOCKS5", "down"), Long.parseLong(m.group(2)));
            assertEquals(count(after, "SOCKS5", "stale"), Long.parseLong(m.group(3)));
        }
        assertNames(given().get("/api/v1/status").then().extract().asString(), op);
    }

    /** Nothing of the seeded endpoints or their operator in an answer: no host, address, label or handle. */
    static void assertNames(String answer, StatusFixtures.Operator op) {
        for (String secret : List.of("127.0.0.1", LABEL, op.handle(), "Iran")) {
            assertFalse(answer.contains(secret), "the answer names " + secret + ": " + answer);
        }
    }

    @Test
    void shouldRenderInBothLanguagesAsAVisitorWhoIsNotSignedIn() {
        given().get("/status?lang=ru").then().statusCode(200)
                .body(containsString("<html lang=\"ru\">")).body(containsString("<h1>Состояние сети</h1>"))
                .body(containsString("Доступность сети")).body(containsString("Выплачено операторам"));
        given().get("/status?lang=en").then().statusCode(200)
                .body(containsString("<h1>Network status</h1>")).body(containsString("Network uptime"))
                .body(containsString("Paid to operators"));
        var op = StatusFixtures.operator("pfs-signed-in");
        String page = op.web().get("/status").then().statusCode(200).extract().asString();
        assertFalse(page.contains(op.handle()), "the cached page is the same for everyone");
    }

    @Test
    void shouldBeCacheableWithAnETagAndAnswer304WhenItMatches() {
        cache.invalidate();
        var r = given().get("/status?lang=en").then().statusCode(200)
                .header("Cache-Control", equalTo("public, max-age=30"))
                .header("Vary", containsString("Accept-Language")).extract();
        String etag = r.header("ETag");
        assertNotNull(etag);
        assertTrue(etag.matches("\"[0-9a-f]{32}\""), etag);
        given().header("If-None-Match", etag).get("/status?lang=en").then().statusCode(304)
                .header("ETag", equalTo(etag)).header("Cache-Control", equalTo("public, max-age=30"));
        String ru = given().get("/status?lang=ru").then().statusCode(200).extract().header("ETag");
        assertFalse(etag.equals(ru), "each language has its own ETag");
        given().header("If-None-Match", "\"0123\"").get("/status?lang=en").then().statusCode(200);
        given().get("/api/v1/status").then().statusCode(200).header("Cache-Control", equalTo("public, max-age=30"));
    }
}
