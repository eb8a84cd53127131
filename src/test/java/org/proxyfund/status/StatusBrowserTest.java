package org.proxyfund.status;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proxyfund.web.WebDriverSession;

import javax.sql.DataSource;
import java.net.URL;
import java.nio.file.Path;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real headless Chromium shows /status in both languages and draws a badge. Screenshots go to target/screenshots/. */
@QuarkusTest
class StatusBrowserTest {

    private static final Path SHOTS = Path.of("target", "screenshots");

    @TestHTTPResource("/")
    URL root;
    @Inject
    DataSource ds;
    @Inject
    StatusCache cache;

    @BeforeEach
    void needsChromium() {
        WebDriverSession.assumeInstalled();
    }

    @Test
    void shouldShowTheStatusPageInEnglishAndRussianAndDrawABadge() throws Exception {
        var op = StatusFixtures.operator("pfs-browser");
        long id = op.endpoint("SOCKS5", StatusPageTest.LABEL + "-browser");
        StatusFixtures.approve(ds, id);
        StatusFixtures.current(ds, id, "UP", Instant.now().minusSeconds(5));
        StatusFixtures.rollup(ds, id, StatusFixtures.hoursAgo(0), 59, 1, 0);
        String badge = given().header("Authorization", "Bearer " + op.token()).post("/api/v1/endpoints/" + id + "/badge")
                .then().statusCode(200).extract().path("path");
        cache.invalidate();
        String base = root.toString().replaceAll("/$", "");
        try (WebDriverSession browser = new WebDriverSession(Path.of("target"))) {
            browser.open(base + "/status?lang=en");
            String en = browser.visibleText();
            browser.screenshot(SHOTS.resolve("status-en.png"));
            assertTrue(en.contains("Network status") && en.contains("Endpoints now") && en.contains("Last 30 days"), en);
            assertTrue(en.contains("SOCKS5"), en);
            browser.open(base + "/status?lang=ru");
            String ru = browser.visibleText();
            browser.screenshot(SHOTS.resolve("status-ru.png"));
            assertTrue(ru.contains("Состояние сети") && ru.contains("Точки доступа сейчас") && ru.contains("Последние 30 дней"), ru);
            for (String text : new String[]{en, ru, browser.source()}) {
                assertFalse(text.contains("127.0.0.1") || text.contains(StatusPageTest.LABEL), "no endpoint named");
            }
            browser.open(base + badge + "?lang=en");
            browser.screenshot(SHOTS.resolve("badge-en.png"));
            assertTrue(browser.source().contains(">up</text>"), browser.source());
        }
    }
}
