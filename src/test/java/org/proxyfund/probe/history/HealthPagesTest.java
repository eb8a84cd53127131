package org.proxyfund.probe.history;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.proxyfund.operator.WebClient;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operator's health panels and uptime API: what the owner sees, in both languages, and what others cannot. */
@QuarkusTest
class HealthPagesTest {

    static final String MARKUP = "<img src=x onerror=alert(1)><b>relay</b>";
    static final String ESCAPED = "&lt;img src=x onerror=alert(1)&gt;&lt;b&gt;relay&lt;/b&gt;";

    @Inject
    DataSource ds;

    private static Instant hoursAgo(int h) {
        return Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(h));
    }

    /** The SVG of the graph of one endpoint, cut from a page and parsed as XML. */
    static void assertWellFormedGraph(String page, long endpointId) throws Exception {
        Matcher m = Pattern.compile("(?s)<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"graph-" + endpointId + "\".*?</svg>").matcher(page);
        assertTrue(m.find(), "graph of endpoint " + endpointId + " inline in the page");
        var doc = UptimeGraphTest.parse(m.group());
        assertEquals(168, doc.getElementsByTagNameNS("*", "rect").getLength());
    }

    @Test
    void shouldShowTheOwnerStateReasonUptimeAndGraphWithTheLabelEscaped() throws Exception {
        var op = HistoryFixtures.operator("hp-owner");
        long down = op.endpoint(MARKUP);
        long fresh = op.endpoint("fresh one");
        Instant checked = Instant.now().minusSeconds(30);
        HistoryFixtures.current(ds, down, "DOWN", "AUTH_REJECTED", "<i>407</i>", checked, null, checked.minusSeconds(3600));
        HistoryFixtures.rollup(ds, down, hoursAgo(1), 45, 15, 10, 210, 400);
        HistoryFixtures.rollup(ds, down, hoursAgo(30), 0, 60, 0, null, null);

        String dashboard = op.web().get("/dashboard").then().statusCode(200)
                .body(containsString(ESCAPED)).body(not(containsString(MARKUP)))
                .body(containsString("Current state: Down"))
                .body(containsString("The endpoint refused the credential we issued"))
                .body(containsString("&lt;i&gt;407&lt;/i&gt;"))
                .body(containsString("75.00 %"))                 // 24 h: 45 / 60
                .body(containsString("37.50 %"))                 // 7 d: 45 / 120
                .body(containsString("210 ms"))
                .body(containsString("Down since"))
                .body(containsString("Current state: Not checked yet"))
                .body(containsString("no data"))
                .extract().asString();
        assertWellFormedGraph(dashboard, down);
        assertWellFormedGraph(dashboard, fresh);
        assertFalse(dashboard.contains("<script"), "no script on the page");

        String detail = op.web().get("/endpoints/" + down).then().statusCode(200)
                .body(containsString(ESCAPED)).body(not(containsString(MARKUP)))
                .body(containsString("75.00 %")).extract().asString();
        assertWellFormedGraph(detail, down);
        assertFalse(detail.contains("id=\"graph-" + fresh + "\""), "only this endpoint's graph");

        given().header("Authorization", "Bearer " + op.token()).get("/api/v1/uptime/" + down).then().statusCode(200)
                .body("endpointId", equalTo((int) down))
                .body("current.state", equalTo("DOWN")).body("current.reason", equalTo("AUTH_REJECTED"))
                .body("h24.up", equalTo(45)).body("h24.down", equalTo(15)).body("h24.unknown", equalTo(10))
                .body("h24.uptimeBasisPoints", equalTo(7500)).body("d7.uptimeBasisPoints", equalTo(3750))
                .body("h24.latencyP50Ms", equalTo(210)).body("hours", hasSize(168))
                .body("hours.findAll { it.kind == 'MIXED' }", hasSize(1));
        given().header("Authorization", "Bearer " + op.token()).get("/api/v1/uptime").then().statusCode(200)
                .body("$", hasSize(2)).body("[1].endpointId", equalTo((int) fresh))
                .body("[1].current.state", equalTo("NONE")).body("[1].h24.uptimeBasisPoints", nullValue())
                .body("[1].hours", nullValue());
    }

    @Test
    void shouldShowAnUpOlderThanTwoIntervalsAsStaleOnPagesAndInJsonInBothLanguages() {
        var op = HistoryFixtures.operator("hp-stale");
        long old = op.endpoint("hung check");
        long fresh = op.endpoint("fresh check");
        // The test profile checks every 60 s: an UP from 121 s ago has had no successor for more than two intervals.
        HistoryFixtures.current(ds, old, "UP", null, null, Instant.now().minusSeconds(121), 40, null);
        HistoryFixtures.current(ds, fresh, "UP", null, null, Instant.now().minusSeconds(100), 40, null);
        String page = op.web().get("/endpoints/" + old).then().statusCode(200).extract().asString();
        assertTrue(page.contains("Current state: Stale: no check result for more than two check intervals"), "stale on the page");
        assertFalse(page.contains("Current state: Up"), "never Up without a fresh result");
        op.web().get("/endpoints/" + fresh).then().statusCode(200).body(containsString("Current state: Up"));
        op.web().get("/dashboard?lang=ru").then().statusCode(200)
                .body(containsString("Текущее состояние: Устарело: нет результата проверки дольше двух интервалов"));
        given().header("Authorization", "Bearer " + op.token()).get("/api/v1/uptime/" + old).then().statusCode(200)
                .body("current.state", equalTo("STALE")).body("current.stale", equalTo(true))
                .body("current.lastStatus", equalTo("UP"));
        given().header("Authorization", "Bearer " + op.token()).get("/api/v1/uptime/" + fresh).then().statusCode(200)
                .body("current.state", equalTo("UP")).body("current.stale", equalTo(false));
    }

    @Test
    void shouldHideOneOperatorsUptimeFromAnother() {
        var alice = HistoryFixtures.operator("hp-alice");
        long id = alice.endpoint("alice's relay");
        HistoryFixtures.rollup(ds, id, hoursAgo(2), 60, 0, 0, 100, 100);
        var bob = HistoryFixtures.operator("hp-bob");
        bob.web().get("/endpoints/" + id).then().statusCode(404);
        bob.web().get("/dashboard").then().statusCode(200).body(not(containsString("graph-" + id + "\"")))
                .body(not(containsString("alice&#39;s relay")));
        given().header("Authorization", "Bearer " + bob.token()).get("/api/v1/uptime/" + id).then().statusCode(404);
        given().header("Authorization", "Bearer " + bob.token()).get("/api/v1/uptime").then().statusCode(200).body("$", hasSize(0));
        given().get("/api/v1/uptime/" + id).then().statusCode(401);
        given().header("Authorization", "Bearer " + alice.token()).get("/api/v1/uptime/" + id).then().statusCode(200)
                .body("h24.uptimeBasisPoints", equalTo(10000));
    }

    @Test
    void shouldRenderTheHealthPanelInRussian() {
        var op = HistoryFixtures.operator("hp-ru");
        long id = op.endpoint("узел");
        Instant checked = Instant.now().minusSeconds(10);
        HistoryFixtures.current(ds, id, "UNKNOWN", null, null, checked, null, null);
        HistoryFixtures.rollup(ds, id, hoursAgo(0), 0, 0, 5, null, null);
        op.web().get("/dashboard?lang=ru").then().statusCode(200)
                .body(containsString("Текущее состояние: Неизвестно"))
                .body(containsString("никогда не засчитываются против вас"))
                .body(containsString("нет данных"))
                .body(containsString("Время работы за последние 7 дней, по часам (UTC)"))
                .body(containsString("только «неизвестно» (монитор неисправен)"));
        op.web().get("/endpoints/" + id + "?lang=ru").then().statusCode(200).body(containsString("Состояние и время работы"));
    }

    @Test
    void shouldDocumentTheUptimeApisInOpenApi() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/api/v1/uptime/{endpointId}")).body(containsString("/api/v1/admin/health"))
                .body(containsString("uptimeBasisPoints"));
    }

    @Test
    void shouldSaySoWhenTheOperatorHasNoEndpointsYet() {
        WebClient c = new WebClient();
        c.signUp("hp-empty");
        c.get("/dashboard").then().statusCode(200).body(containsString("No endpoints yet."));
    }
}
