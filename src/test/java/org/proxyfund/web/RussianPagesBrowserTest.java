package org.proxyfund.web;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundle;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proxyfund.common.testing.TestPorts;
import org.proxyfund.operator.WebClient;

import java.lang.reflect.Method;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real Chromium reads the Russian dashboard, endpoint pages, admin audit log and a 404: no English label of any
 * message bundle and no raw key or code is among the text a reader sees. Screenshots: target/screenshots/ru-*.png.
 */
@QuarkusTest
class RussianPagesBrowserTest {

    private static final Path SHOTS = Path.of("target", "screenshots");
    /** Keys and codes that must never reach a reader as they are stored. */
    private static final List<String> RAW = List.of("ownershipToken", "secretDd", "secretEe", "tgLinkDd", "tgLinkEe", "ssUri",
            "monitorPublicKey", "dnsTxtName", "wellKnownUrl", "fakeTlsDomain", "tlsAuthKey", "keyDirection", "authDigest",
            "serverPublicKey", "HTTP_CONNECT", "MTPROTO", "OPENVPN", "SHADOWSOCKS", "WIREGUARD", "SIGNED_UP", "REGISTERED", "ADMIN_BOOTSTRAPPED", "PASSWORD_CHANGED",
            "APPROVED", "PENDING", "Resource not found");

    /** Java's ISO text of a moment ({@code 2026-12-06T20:14:35.581169Z}): pages show {@code 2026-12-06 20:14:35 UTC}. */
    private static final java.util.regex.Pattern RAW_TIME = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");

    @TestHTTPResource("/")
    URL root;

    @BeforeEach
    void needsChromium() {
        WebDriverSession.assumeInstalled();
    }

    @Test
    void shouldShowNoEnglishLabelOnTheRussianPages() throws Exception {
        String base = root.toString().replaceAll("/$", "");
        List<String> english = englishOnlyTexts();
        assertTrue(english.size() > 150, "the English texts to look for: " + english.size());
        List<String> problems = new ArrayList<>();
        String password = "a long browser password";
        String handle = "ru-pages-" + Long.toHexString(System.nanoTime() & 0xfffff);
        int port = TestPorts.block(2);
        try (WebDriverSession browser = new WebDriverSession(Path.of("target"))) {
            for (String page : List.of("/?lang=ru", "/donate", "/transparency", "/login")) {
                browser.open(base + page);
                check(page, browser, english, problems, "ru-public" + page.replaceAll("[^a-z]+", "-").replaceAll("-$", "") + ".png");
            }
            browser.open(base + "/signup?lang=ru");
            browser.type("#handle", handle);
            browser.type("#password", password);
            browser.type("#repeat", password);
            browser.click("#signup-submit");
            browser.waitForUrl(u -> u.endsWith("/dashboard"));
            check("dashboard", browser, english, problems, "ru-dashboard.png");

            browser.click("#ep-type option[value='MTPROTO']");
            browser.type("#ep-label", "Телеграм-прокси");
            browser.type("#ep-host", "127.0.0.1");
            browser.type("#ep-port", String.valueOf(port));
            browser.type("#ep-region", "Иран");
            browser.type("#ep-sni", "www.example.com");
            browser.click("#endpoint-submit");
            browser.waitForUrl(u -> u.contains("/endpoints/"));
            String mtproto = check("MTProto endpoint", browser, english, problems, "ru-endpoint.png");
            assertTrue(mtproto.contains("Ссылка для Telegram, форма ee") && mtproto.contains("MTProto"), mtproto);

            // An OpenVPN endpoint shows the ownership-token keys.
            WebClient api = new WebClient();
            api.logIn(handle, password);
            String token = api.createApiToken();
            int id = given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                    .body(Map.of("type", "OPENVPN", "host", "127.0.0.1", "port", port + 1, "region", "Иран",
                            "protocolFields", Map.of("transport", "udp")))
                    .post("/api/v1/endpoints").then().statusCode(201).extract().path("id");
            browser.open(base + "/endpoints/" + id);
            String openvpn = check("OpenVPN endpoint", browser, english, problems, "ru-endpoint-openvpn.png");
            assertTrue(openvpn.contains("Токен владения"), openvpn);

            // Retiring it on its page, in Russian: the confirmation, then the retired page and the dashboard's list.
            browser.click("#retire-submit");
            browser.waitForUrl(u -> u.endsWith("/endpoints/" + id + "/retire"));
            String unconfirmed = check("retirement without confirmation", browser, english, problems, "ru-endpoint-retire-unconfirmed.png");
            assertTrue(unconfirmed.contains("Поставьте отметку"), unconfirmed);
            browser.click("#retire-confirm");
            browser.click("#retire-submit");
            browser.waitForUrl(u -> u.endsWith("/endpoints/" + id));
            String retired = check("retired endpoint", browser, english, problems, "ru-endpoint-retired.png");
            assertTrue(retired.contains("Выведена из работы"), retired);

            browser.open(base + "/dashboard");
            String list = check("dashboard with endpoints", browser, english, problems, "ru-dashboard-endpoints.png");
            assertTrue(list.contains("Телеграм-прокси") && list.contains("OpenVPN"), list);

            for (String page : List.of("/account", "/account/earnings")) {
                browser.open(base + page);
                check(page, browser, english, problems, "ru" + page.replace('/', '-') + ".png");
            }

            browser.open(base + "/no-such-page");
            String notFound = check("404", browser, english, problems, "ru-404.png");
            assertTrue(notFound.contains("Страница не найдена"), notFound);

            browser.open(base + "/dashboard");
            browser.click("#logout");
            browser.waitForUrl(u -> !u.endsWith("/dashboard"));
            browser.open(base + "/login?lang=ru");
            browser.type("#handle", "root-admin");
            browser.type("#password", "admin-password-for-tests");
            browser.click("#login-submit");
            browser.waitForUrl(u -> u.endsWith("/admin"));
            browser.open(base + "/admin/audit?limit=25");
            String audit = check("admin audit", browser, english, problems, "ru-admin-audit.png");
            assertTrue(audit.contains("зарегистрировался") && audit.contains("точка доступа зарегистрирована"), audit);
            assertTrue(audit.matches("(?s).*\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC.*"), audit);
            for (String page : List.of("/admin", "/admin/endpoints", "/admin/operators", "/admin/health", "/admin/settlements",
                    "/admin/payouts", "/admin/ledger/journal")) {
                browser.open(base + page);
                check(page, browser, english, problems, "ru" + page.replace('/', '-') + ".png");
            }
        }
        assertEquals(List.of(), problems);
    }

    /** Screenshots the page and notes every English text or raw key in what the reader sees; returns that text. */
    private static String check(String page, WebDriverSession browser, List<String> english, List<String> problems, String shot)
            throws Exception {
        browser.screenshot(SHOTS.resolve(shot));
        String text = browser.visibleText();
        assertTrue(browser.source().contains("<html lang=\"ru\">"), page + " is in Russian");
        for (String e : english) {
            if (text.contains(e)) {
                problems.add(page + ": English \"" + e + "\"");
            }
        }
        // Identifiers in <code> (an epoch key such as 2031-06-04T06:30:00Z, a ledger reference) are not dates to read.
        java.util.regex.Matcher iso = RAW_TIME.matcher(browser.textOutside("code"));
        if (iso.find()) {
            problems.add(page + ": raw timestamp \"" + iso.group() + "\"");
        }
        for (String raw : RAW) {
            if (text.contains(raw)) {
                problems.add(page + ": raw \"" + raw + "\"");
            }
        }
        return text;
    }

    /** Every bundle text without parameters whose English differs from its Russian, at least 5 characters long. */
    private static List<String> englishOnlyTexts() throws Exception {
        TreeSet<String> out = new TreeSet<>();
        for (String name : List.of("org.proxyfund.web.AppMessages", "org.proxyfund.operator.OperatorMessages",
                "org.proxyfund.endpoint.EndpointMessages", "org.proxyfund.admin.AdminMessages",
                "org.proxyfund.probe.history.HealthMessages", "org.proxyfund.settlement.SettlementMessages",
                "org.proxyfund.donation.DonationMessages", "org.proxyfund.payout.PayoutMessages",
                "org.proxyfund.donation.ReceiptMessages", "org.proxyfund.audit.TransparencyMessages",
                "org.proxyfund.ledger.LedgerMessages")) {
            Class<?> bundle = Class.forName(name, true, Thread.currentThread().getContextClassLoader());
            if (!bundle.isAnnotationPresent(MessageBundle.class)) {
                continue;
            }
            @SuppressWarnings({"unchecked", "rawtypes"})
            Object en = MessageBundles.get((Class) bundle);
            @SuppressWarnings({"unchecked", "rawtypes"})
            Object ru = MessageBundles.get((Class) bundle, Localized.Literal.of("ru"));
            for (Method m : bundle.getDeclaredMethods()) {
                if (m.getParameterCount() == 0 && m.getReturnType() == String.class) {
                    String e = (String) m.invoke(en);
                    if (e.length() >= 5 && !e.equals(m.invoke(ru))) {
                        out.add(e);
                    }
                }
            }
        }
        return new ArrayList<>(out);
    }
}
