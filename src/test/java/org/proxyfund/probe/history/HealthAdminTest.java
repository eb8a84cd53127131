package org.proxyfund.probe.history;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.proxyfund.operator.WebClient;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin health table: admins only, every endpoint, sorted and paged by the server, labels escaped. */
@QuarkusTest
class HealthAdminTest {

    @Inject
    DataSource ds;

    private static String adminToken;

    private static String adminToken() {
        if (adminToken == null) {
            WebClient admin = WebClient.admin();
            adminToken = admin.createApiToken();
        }
        return adminToken;
    }

    private static Instant hoursAgo(int h) {
        return Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(h));
    }

    /** Endpoint ids in table order, walking every page of the JSON table. */
    private static List<Long> order(String sort, String dir) {
        List<Long> ids = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonPath p = given().header("Authorization", "Bearer " + adminToken())
                    .get("/api/v1/admin/health?sort=" + sort + "&dir=" + dir + "&size=200&page=" + page)
                    .then().statusCode(200).extract().jsonPath();
            p.getList("rows.endpointId", Number.class).forEach(n -> ids.add(n.longValue()));
            if (page >= p.getInt("pages")) {
                return ids;
            }
        }
    }

    private static void assertOrder(List<Long> all, long... expected) {
        List<Long> mine = all.stream().filter(id -> java.util.Arrays.stream(expected).anyMatch(e -> e == id)).toList();
        assertEquals(java.util.Arrays.stream(expected).boxed().toList(), mine);
    }

    @Test
    void shouldSortEachWayByUptimeAndByLabelWithNoDataLast() {
        var op = HistoryFixtures.operator("ha-sort");
        long full = op.endpoint("zz-ha full");
        long half = op.endpoint("aa-ha half");
        long none = op.endpoint("mm-ha none");
        HistoryFixtures.rollup(ds, full, hoursAgo(1), 60, 0, 0, 10, 20);
        HistoryFixtures.rollup(ds, half, hoursAgo(1), 30, 30, 5, 10, 20);
        HistoryFixtures.rollup(ds, none, hoursAgo(1), 0, 0, 60, null, null);
        assertOrder(order("uptime24", "desc"), full, half, none);
        assertOrder(order("uptime24", "asc"), half, full, none);
        assertOrder(order("uptime30", "asc"), half, full, none);
        assertOrder(order("label", "asc"), half, none, full);
        assertOrder(order("label", "desc"), full, none, half);
        // An unknown column or direction falls back to the label, ascending; nothing reaches the SQL.
        assertOrder(order("label;DROP TABLE endpoint", "sideways"), half, none, full);
        List<Long> byId = order("uptime7", "desc");
        assertEquals(byId.size(), byId.stream().distinct().count(), "every endpoint once");
    }

    @Test
    void shouldSortByOperatorByStateAndByLatestCheckWithTiesByIdAndNeverCheckedLast() {
        var later = HistoryFixtures.operator("HB-sort");
        var earlier = HistoryFixtures.operator("ha-sort");
        long bx = later.endpoint("hs x");
        long ay = earlier.endpoint("hs y");
        long az = earlier.endpoint("hs z");
        // The handle sorts without regard to case: "ha-…" before "HB-…"; one operator's endpoints by id.
        assertOrder(order("operator", "asc"), ay, az, bx);
        assertOrder(order("operator", "desc"), bx, az, ay);
        HistoryFixtures.sql(ds, "UPDATE endpoint SET state = 'APPROVED' WHERE id = ?", az);
        assertOrder(order("state", "asc"), az, bx, ay);
        assertOrder(order("state", "desc"), ay, bx, az);
        HistoryFixtures.current(ds, ay, "DOWN", "TIMEOUT", null, Instant.now().minusSeconds(5), null, Instant.now().minusSeconds(60));
        HistoryFixtures.current(ds, bx, "UP", null, null, Instant.now().minusSeconds(5), 40, null);
        assertOrder(order("check", "asc"), ay, bx, az);
        assertOrder(order("check", "desc"), bx, ay, az);
    }

    @Test
    void shouldPageTheTableOnTheServerAndEscapeLabels() {
        var op = HistoryFixtures.operator("ha-page");
        long marked = op.endpoint(HealthPagesTest.MARKUP);
        op.endpoint("ha-page two");
        op.endpoint("ha-page three");
        HistoryFixtures.current(ds, marked, "DOWN", "TIMEOUT", null, Instant.now().minusSeconds(5), null, Instant.now().minusSeconds(600));
        WebClient admin = WebClient.admin();
        JsonPath first = given().header("Authorization", "Bearer " + adminToken()).get("/api/v1/admin/health?size=2&sort=label")
                .then().statusCode(200).body("rows", hasSize(2)).body("page", equalTo(1)).body("size", equalTo(2))
                .extract().jsonPath();
        long total = first.getLong("total");
        assertTrue(total >= 3);
        assertEquals((total + 1) / 2, first.getLong("pages"));
        given().header("Authorization", "Bearer " + adminToken()).get("/api/v1/admin/health?size=2&page=999999")
                .then().statusCode(200).body("page", equalTo((int) ((total + 1) / 2)));
        given().header("Authorization", "Bearer " + adminToken()).get("/api/v1/admin/health?size=5000&page=x")
                .then().statusCode(200).body("size", equalTo(200)).body("page", equalTo(1));

        String page = admin.get("/admin/health?size=2").then().statusCode(200)
                .body(containsString("id=\"page-next\"")).body(not(containsString("id=\"page-prev\"")))
                .body(containsString("Page 1 of ")).extract().asString();
        assertEquals(2, page.split("<tr id=\"health-row-", -1).length - 1, "two rows on a page of two");
        admin.get("/admin/health?size=2&page=2").then().statusCode(200).body(containsString("id=\"page-prev\""))
                .body(containsString("Page 2 of "));
        // Walk to the row of the marked endpoint: its label is shown as text, never as markup.
        String all = admin.get("/admin/health?size=200&sort=check&dir=desc").asString();
        assertTrue(all.contains("id=\"health-row-" + marked + "\""), "marked endpoint listed first among DOWN ones");
        assertTrue(all.contains(HealthPagesTest.ESCAPED));
        assertTrue(!all.contains(HealthPagesTest.MARKUP));
        assertTrue(all.contains("The endpoint did not answer in time: it is overloaded or very slow, or a firewall silently drops our packets."));
        admin.get("/admin").then().statusCode(200).body(containsString("href=\"/admin/health\""));
    }

    @Test
    void shouldKeepOperatorsAndVisitorsOutOfTheAdminTable() {
        var op = HistoryFixtures.operator("ha-climber");
        op.web().get("/admin/health").then().statusCode(403);
        new WebClient().get("/admin/health").then().statusCode(302).header("Location", containsString("/login"));
        given().header("Authorization", "Bearer " + op.token()).get("/api/v1/admin/health").then().statusCode(403);
        given().get("/api/v1/admin/health").then().statusCode(401);
    }

    @Test
    void shouldRenderTheAdminTableInRussian() {
        WebClient admin = WebClient.admin();
        admin.get("/admin/health?lang=ru").then().statusCode(200)
                .body(containsString("Доступность всех узлов")).body(containsString("Работа за 30 дн"));
    }
}
