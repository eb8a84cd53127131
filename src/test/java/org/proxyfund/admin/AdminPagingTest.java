package org.proxyfund.admin;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proxyfund.operator.WebClient;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Admin audit log, operators and endpoints page through everything, on pages and in the API (Link header). */
@QuarkusTest
class AdminPagingTest {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");
    private static final Pattern PREV = Pattern.compile("<([^>]+)>; rel=\"prev\"");

    @Inject
    EntityManager em;

    private String token;
    private WebClient admin;

    @BeforeEach
    void admin() {
        admin = WebClient.admin();
        token = admin.createApiToken();
        for (int i = 0; i < 7; i++) {
            new WebClient().signUp("paged"); // more pending operators and audit lines than one small page holds
        }
        WebClient owner = new WebClient();
        owner.signUp("paged-endpoints");
        String ownerToken = owner.createApiToken();
        int port = org.proxyfund.common.testing.TestPorts.block(5);
        for (int i = 0; i < 5; i++) {
            given().header("Authorization", "Bearer " + ownerToken).contentType(io.restassured.http.ContentType.JSON)
                    .body(java.util.Map.of("type", "SOCKS5", "host", "127.0.0.1", "port", port + i, "region", "Iran"))
                    .post("/api/v1/endpoints").then().statusCode(201);
        }
    }

    @Test
    void shouldWalkTheWholeAuditLogNewestFirstThroughTheLinkHeader() {
        List<Long> ids = walk("/api/v1/admin/audit?limit=5");
        assertEquals(ids(("SELECT id FROM audit_log ORDER BY id DESC")), ids, "every line once, newest first");
        assertTrue(ids.size() > 10, "more than two pages: " + ids.size());
    }

    @Test
    void shouldGoBackToTheNewerPageFromAnOlderOne() {
        Response first = api("/api/v1/admin/audit?limit=3");
        Response second = api(link(NEXT, first));
        Response back = api(link(PREV, second));
        assertEquals(first.jsonPath().getList("id"), back.jsonPath().getList("id"));
        assertTrue(second.getHeader("Link").contains("rel=\"first\""));
    }

    @Test
    void shouldWalkAllOperatorsAndAllEndpointsWithAStateFilter() {
        assertEquals(ids("SELECT id FROM account WHERE role = 'OPERATOR' AND state = 'PENDING' ORDER BY id DESC"),
                walkIds("/api/v1/admin/operators?state=PENDING&limit=4"));
        assertEquals(ids("SELECT id FROM account WHERE role = 'OPERATOR' ORDER BY id DESC"), walkIds("/api/v1/admin/operators?limit=9"));
        assertEquals(ids("SELECT id FROM endpoint ORDER BY id DESC"), walkIds("/api/v1/admin/endpoints?limit=7"));
    }

    @Test
    void shouldRefuseAMalformedCursorOrLimitWithAFieldError() {
        given().header("Authorization", "Bearer " + token).get("/api/v1/admin/audit?before=abc").then().statusCode(400)
                .body("errors[0].field", equalTo("before")).body("errors[0].code", equalTo("paging.cursor.invalid"));
        given().header("Authorization", "Bearer " + token).get("/api/v1/admin/audit?limit=0").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().header("Authorization", "Bearer " + token).get("/api/v1/admin/audit?limit=201").then().statusCode(400);
        given().header("Authorization", "Bearer " + token).get("/api/v1/admin/audit?before=5&after=2").then().statusCode(400)
                .body("errors[0].code", equalTo("paging.cursor.both"));
        given().header("Authorization", "Bearer " + token).get("/api/v1/admin/endpoints?state=GONE").then().statusCode(400)
                .body("errors[0].code", equalTo("state.unknown"));
    }

    @Test
    void shouldPageThroughEveryOperatorAndEveryAuditLineOnTheAdminPages() {
        assertEquals(new HashSet<>(ids("SELECT id FROM account WHERE role = 'OPERATOR' AND state = 'PENDING'")),
                new HashSet<>(pageWalk("/admin/operators?state=PENDING&limit=3", Pattern.compile("id=\"operator-(\\d+)\""))));
        assertEquals(new HashSet<>(ids("SELECT id FROM audit_log")),
                new HashSet<>(pageWalk("/admin/audit?limit=4", Pattern.compile("id=\"audit-(\\d+)\""))));
        assertEquals(new HashSet<>(ids("SELECT id FROM endpoint")),
                new HashSet<>(pageWalk("/admin/endpoints?limit=2", Pattern.compile("id=\"endpoint-(\\d+)\""))));
        admin.get("/admin/audit?lang=ru&limit=2").then().statusCode(200).body(containsString("Более ранние →"))
                .body(containsString("точка доступа зарегистрирована")).body(containsString("data-action=\"REGISTERED\""));
    }

    /** Follows "Older →" links from the first page to the last, collecting the ids the pattern finds. */
    private List<Long> pageWalk(String start, Pattern row) {
        List<Long> ids = new ArrayList<>();
        int pagesSeen = 0;
        Pattern older = Pattern.compile("href=\"([^\"]+)\" rel=\"next\"");
        String path = start;
        for (int pages = 0; path != null && pages < 1000; pages++) {
            String html = admin.get(path).then().statusCode(200).extract().asString();
            Matcher m = row.matcher(html);
            while (m.find()) {
                ids.add(Long.parseLong(m.group(1)));
            }
            Matcher next = older.matcher(html);
            path = next.find() ? next.group(1).replace("&amp;", "&") : null;
            pagesSeen++;
        }
        assertTrue(pagesSeen > 1, start + " took more than one page");
        return ids;
    }

    private List<Long> walkIds(String start) {
        return walk(start);
    }

    private List<Long> walk(String start) {
        List<Long> ids = new ArrayList<>();
        String path = start;
        for (int pages = 0; path != null && pages < 10_000; pages++) {
            Response r = api(path);
            r.jsonPath().getList("id", Long.class).forEach(ids::add);
            path = r.getHeader("Link") == null ? null : link(NEXT, r);
        }
        return ids;
    }

    private Response api(String path) {
        Response r = given().header("Authorization", "Bearer " + token).get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.asString());
        return r;
    }

    private static String link(Pattern rel, Response r) {
        String header = r.getHeader("Link");
        assertNotNull(header, "a Link header");
        Matcher m = rel.matcher(header);
        return m.find() ? m.group(1) : null;
    }

    @SuppressWarnings("unchecked")
    private List<Long> ids(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Number>) em.createNativeQuery(sql).getResultList())
                .stream().map(Number::longValue).toList());
    }
}
