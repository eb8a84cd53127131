package org.proxyfund.status;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.sql.DataSource;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Public badges: only where the owner published one, under an unguessable id, rotatable and revocable, naming nothing. */
@QuarkusTest
class BadgeTest {

    private static final Pattern BADGE = Pattern.compile("/badge/([0-9a-f]{32})\\.svg");

    @Inject
    DataSource ds;
    @Inject
    BadgeService badges;

    private static String badgeId(String page) {
        Matcher m = BADGE.matcher(page);
        assertTrue(m.find(), "badge address on the page");
        return m.group(1);
    }

    /** The badge's SVG, parsed (it must be well-formed XML), and the text of its state. */
    private String state(String id, String lang) throws Exception {
        badges.invalidate();
        String svg = given().get("/badge/" + id + ".svg?lang=" + lang).then().statusCode(200)
                .contentType(containsString("image/svg+xml")).extract().asString();
        Document doc = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getLocalName() == null ? doc.getDocumentElement().getTagName()
                : doc.getDocumentElement().getLocalName());
        StatusPageTest.assertNames(svg, owner);
        return doc.getElementsByTagName("text").item(1).getTextContent();
    }

    private StatusFixtures.Operator owner;

    @Test
    void shouldServeABadgeOnlyOnceTheOwnerPublishesItShowingTheStateAndNothingElse() throws Exception {
        owner = StatusFixtures.operator("pfs-badge");
        long id = owner.endpoint("SOCKS5", StatusPageTest.LABEL + "-badge");
        StatusFixtures.approve(ds, id);
        StatusFixtures.current(ds, id, "UP", Instant.now().minusSeconds(10));

        String page = owner.web().get("/endpoints/" + id + "/badge").then().statusCode(200)
                .body(containsString("id=\"badge-off\"")).extract().asString();
        assertFalse(BADGE.matcher(page).find(), "no badge before the owner publishes one");
        given().header("Authorization", "Bearer " + owner.token()).get("/api/v1/endpoints/" + id + "/badge").then()
                .statusCode(200).body("publicId", nullValue());
        // A guess built from the endpoint's id is nobody's badge.
        given().get("/badge/" + String.format("%032x", id) + ".svg").then().statusCode(404)
                .contentType(containsString("application/problem+json")).body("code", equalTo("badge.not-found"));

        owner.web().postWithoutToken("/endpoints/" + id + "/badge/publish").then().statusCode(403);
        owner.web().get("/endpoints/" + id + "/badge");
        owner.web().post("/endpoints/" + id + "/badge/publish").then().statusCode(303);
        String first = badgeId(owner.web().get("/endpoints/" + id + "/badge").then().statusCode(200).extract().asString());
        assertEquals("up", state(first, "en"));
        assertEquals("работает", state(first, "ru"));
        owner.web().get("/endpoints/" + id).then().statusCode(200).body(containsString("/endpoints/" + id + "/badge"));

        StatusFixtures.current(ds, id, "DOWN", Instant.now().minusSeconds(10));
        assertEquals("down", state(first, "en"));
        StatusFixtures.current(ds, id, "UP", Instant.now().minusSeconds(600));
        assertEquals("stale", state(first, "en"));
        StatusFixtures.window(ds, id, StatusFixtures.hoursAgo(0), StatusFixtures.hoursAgo(-1));
        assertEquals("maintenance", state(first, "en"), "a declared window under way shows as maintenance, not stale or down");
        assertEquals("обслуживание", state(first, "ru"));
        StatusFixtures.sql(ds, "DELETE FROM maintenance_window WHERE endpoint_id = ?", id);

        var r = given().get("/badge/" + first + ".svg").then().statusCode(200)
                .header("Cache-Control", equalTo("public, max-age=30")).extract();
        given().header("If-None-Match", r.header("ETag")).get("/badge/" + first + ".svg").then().statusCode(304);

        // Publishing again keeps the address; rotating replaces it; the old one is gone at once.
        owner.web().get("/endpoints/" + id + "/badge");
        owner.web().post("/endpoints/" + id + "/badge/publish").then().statusCode(303);
        assertEquals(first, badgeId(owner.web().get("/endpoints/" + id + "/badge").asString()));
        owner.web().post("/endpoints/" + id + "/badge/rotate").then().statusCode(303);
        String second = badgeId(owner.web().get("/endpoints/" + id + "/badge").asString());
        assertNotEquals(first, second);
        given().get("/badge/" + first + ".svg").then().statusCode(404);
        given().get("/badge/" + second + ".svg").then().statusCode(200);

        owner.web().post("/endpoints/" + id + "/badge/revoke").then().statusCode(303);
        owner.web().get("/endpoints/" + id + "/badge").then().body(containsString("id=\"badge-off\""));
        given().get("/badge/" + second + ".svg").then().statusCode(404);
    }

    @Test
    void shouldLetOnlyTheOwnerPublishRotateOrRevokeOnPagesAndThroughTheApi() throws Exception {
        owner = StatusFixtures.operator("pfs-badge-api");
        long id = owner.endpoint("SOCKS5", StatusPageTest.LABEL + "-api");
        var other = StatusFixtures.operator("pfs-badge-other");
        other.web().get("/endpoints/" + id + "/badge").then().statusCode(404);
        other.web().get("/dashboard");
        other.web().post("/endpoints/" + id + "/badge/publish").then().statusCode(404);
        given().header("Authorization", "Bearer " + other.token()).post("/api/v1/endpoints/" + id + "/badge").then()
                .statusCode(404).contentType(containsString("application/problem+json"));
        given().header("Authorization", "Bearer " + owner.token()).get("/api/v1/endpoints/" + id + "/badge").then()
                .statusCode(200).body("publicId", nullValue());

        String published = given().header("Authorization", "Bearer " + owner.token()).post("/api/v1/endpoints/" + id + "/badge")
                .then().statusCode(200).extract().path("publicId");
        assertTrue(published.matches("[0-9a-f]{32}"), published);
        given().header("Authorization", "Bearer " + owner.token()).get("/api/v1/endpoints/" + id + "/badge").then()
                .statusCode(200).body("publicId", equalTo(published)).body("path", equalTo("/badge/" + published + ".svg"));
        assertEquals("not checked", state(published, "en"));
        given().header("Authorization", "Bearer " + other.token()).post("/api/v1/endpoints/" + id + "/badge/rotate").then().statusCode(404);
        given().header("Authorization", "Bearer " + other.token()).delete("/api/v1/endpoints/" + id + "/badge").then().statusCode(404);
        given().get("/badge/" + published + ".svg").then().statusCode(200);

        String rotated = given().header("Authorization", "Bearer " + owner.token()).post("/api/v1/endpoints/" + id + "/badge/rotate")
                .then().statusCode(200).extract().path("publicId");
        assertNotEquals(published, rotated);
        given().get("/badge/" + published + ".svg").then().statusCode(404);
        given().header("Authorization", "Bearer " + owner.token()).delete("/api/v1/endpoints/" + id + "/badge").then()
                .statusCode(200).body("publicId", nullValue());
        given().get("/badge/" + rotated + ".svg").then().statusCode(404);
    }
}
