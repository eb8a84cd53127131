package org.proxyfund.operator;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.proxyfund.web.WebDriverSession;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real headless Chromium signs up, signs out, signs in, adds an endpoint and finds it on the
 * dashboard, in English and in Russian. Screenshots go to target/screenshots/.
 */
@QuarkusTest
class BrowserJourneyTest {

    private static final Path SHOTS = Path.of("target", "screenshots");

    @TestHTTPResource("/")
    URL root;

    @BeforeEach
    void needsChromium() {
        WebDriverSession.assumeInstalled();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "en, Your endpoints, waiting for approval, Dashboard",
            "ru, Ваши точки доступа, ожидает одобрения, Кабинет"})
    void shouldSignUpLogInAndSeeANewEndpointOnTheDashboard(String lang, String endpointsHeading, String pendingText,
                                                           String dashboardTitle) throws Exception {
        String base = root.toString().replaceAll("/$", "");
        String handle = "browser-" + lang + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
        String password = "a long browser password";
        int port = ThreadLocalRandom.current().nextInt(20000, 32000); // below the ephemeral range other tests register
        try (WebDriverSession browser = new WebDriverSession(Path.of("target"))) {
            browser.open(base + "/signup?lang=" + lang);
            browser.type("#handle", handle);
            browser.type("#password", password);
            browser.type("#repeat", password);
            browser.screenshot(SHOTS.resolve(lang + "-1-signup.png"));
            browser.click("#signup-submit");
            String dashboard = browser.waitForUrl(u -> u.endsWith("/dashboard"));
            assertTrue(dashboard.contains(pendingText), "new operator is pending");
            assertTrue(dashboard.contains("<html lang=\"" + lang + "\">"), "page language");

            browser.click("#logout");
            browser.waitForUrl(u -> !u.endsWith("/dashboard"));
            browser.open(base + "/login");
            browser.type("#handle", handle);
            browser.type("#password", password);
            browser.click("#login-submit");
            browser.waitForUrl(u -> u.endsWith("/dashboard"));
            browser.screenshot(SHOTS.resolve(lang + "-2-dashboard.png"));

            browser.click("#ep-type option[value='SOCKS5']");
            browser.type("#ep-label", "Browser <i>test</i>");
            browser.type("#ep-host", "127.0.0.1");
            browser.type("#ep-port", String.valueOf(port));
            browser.type("#ep-region", "Iran");
            browser.click("#endpoint-submit");
            String detail = browser.waitForUrl(u -> u.contains("/endpoints/"));
            assertTrue(detail.contains("127.0.0.1:" + port), "endpoint page shows the address");
            browser.screenshot(SHOTS.resolve(lang + "-3-endpoint.png"));

            browser.open(base + "/dashboard");
            String page = browser.source();
            assertTrue(page.contains(dashboardTitle) && page.contains(endpointsHeading), "dashboard in " + lang);
            assertTrue(page.contains("127.0.0.1:" + port), "the new endpoint is listed");
            assertTrue(page.contains("Browser &lt;i&gt;test&lt;/i&gt;"), "markup in the name shows as text");
            browser.screenshot(SHOTS.resolve(lang + "-4-dashboard-with-endpoint.png"));
        }
        assertTrue(Files.size(SHOTS.resolve(lang + "-4-dashboard-with-endpoint.png")) > 1000, "screenshot written");
    }
}
