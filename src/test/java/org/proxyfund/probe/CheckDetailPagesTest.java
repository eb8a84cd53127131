package org.proxyfund.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.proxyfund.common.crypto.SecretCipher;
import org.proxyfund.common.testing.TestPorts;
import org.proxyfund.endpoint.EndpointRetirement;
import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.endpoint.HostGuard;
import org.proxyfund.endpoint.MonitorCredential;
import org.proxyfund.endpoint.TestEndpointConfig;
import org.proxyfund.operator.Account;
import org.proxyfund.common.identity.Actor;
import org.proxyfund.operator.WebClient;
import org.proxyfund.probe.canary.Canary;
import org.proxyfund.probe.httpconnect.HttpConnectChecker;
import org.proxyfund.probe.mtproto.TelegramRsaKey;
import org.proxyfund.probe.mtproto.TestDataCentre;
import org.proxyfund.probe.mtproto.TestDhResponder;
import org.proxyfund.probe.relay.TelegramTargets;
import org.proxyfund.probe.relay.UserTarget;
import org.proxyfund.probe.schedule.LeasedCheck;
import org.proxyfund.probe.schedule.ScheduleRepository;
import org.proxyfund.probe.socks5.Socks5Checker;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The technical detail of a real check failure (squid's 403 to CONNECT to the canary, a refused credential, an open
 * proxy, a proxy that reaches only the canary) as the operator reads it: recorded by the scheduler's own writer, shown
 * in Russian on the Russian endpoint page and dashboard and in English on the English ones, while the API keeps the
 * English text.
 */
@QuarkusTest
class CheckDetailPagesTest {

    static final String USER = "pf-detailuser01";
    static final String PASSWORD = "Issued2Secret4Details";

    @Inject
    DataSource db;
    @Inject
    SecretCipher cipher;
    @Inject
    ObjectMapper json;

    @Inject
    org.proxyfund.endpoint.EndpointQueries endpointQueries;
    @Inject
    EndpointRetirement retirement;

    private final TestProbeConfig config = new TestProbeConfig();
    private final HostGuard guard = new HostGuard(new TestEndpointConfig("127.0.0.1"));

    @Test
    void shouldShowTheDetailOfRealCheckFailuresInThePagesLanguage() throws Exception {
        RealProxyContract.LOGS.mkdirs();
        Canary canary = new Canary(config);
        TestDataCentre dc = new TestDataCentre();
        canary.start();
        dc.start();
        try {
            runAndShow(canary, dc);
        } finally {
            canary.stop();
            dc.stop();
        }
    }

    private void runAndShow(Canary canary, TestDataCentre dc) throws Exception {
        WebClient web = new WebClient();
        String handle = web.signUp("detail-lang");
        String token = web.createApiToken();
        Map<String, CheckResult> results = new LinkedHashMap<>();
        Map<String, Long> ids = new LinkedHashMap<>();
        try {
            check(canary, dc, results);
            for (String name : results.keySet()) ids.put(name, endpoint(token, name));
            record(ids, results);
            show(canary, dc, web, token, results, ids);
        } finally {
            // Retired, so no later test that leases every due endpoint checks these.
            long account = QuarkusTransaction.requiringNew().call(() -> Account.byHandle(handle).orElseThrow().id);
            for (long id : ids.values()) retirement.retire(account, id, Actor.system());
        }
    }

    private void check(Canary canary, TestDataCentre dc, Map<String, CheckResult> results) throws Exception {

        SquidServer squid = new SquidServer("detail-403");
        List<String> lines = new ArrayList<>(squid.basicAuth(USER, PASSWORD));
        lines.addAll(List.of("acl only443 port 443", "acl connect method CONNECT", "http_access deny connect !only443",
                "http_access allow users", "http_access deny all"));
        try (RealServer server = squid.with(lines).start()) {
            results.put("squid403", new HttpConnectChecker(guard, canary, config).check(target(EndpointType.HTTP_CONNECT, squid.port)));
        }
        try (TestSocks5Relay relay = new TestSocks5Relay("someone-else", "another-password")) {
            relay.start();
            results.put("refused", socks(canary, null).check(target(EndpointType.SOCKS5, relay.port())));
        }
        try (TestSocks5Relay relay = new TestSocks5Relay(USER, PASSWORD)) {
            relay.auth(TestSocks5Relay.Auth.ANY_PASSWORD).start();
            results.put("open", socks(canary, null).check(target(EndpointType.SOCKS5, relay.port())));
        }
        try (TestSocks5Relay relay = new TestSocks5Relay(USER, PASSWORD)) {
            relay.allowPorts(Set.of(canary.publicPort())).start();
            results.put("canaryOnly", socks(canary, dc).check(target(EndpointType.SOCKS5, relay.port())));
        }
        assertEquals(DownReason.RELAY_FAILED, results.get("squid403").reason(), results.get("squid403").detail());
        assertEquals(DownReason.AUTH_REJECTED, results.get("refused").reason(), results.get("refused").detail());
        assertEquals(DownReason.OPEN_PROXY, results.get("open").reason(), results.get("open").detail());
        assertEquals(DownReason.CANARY_ONLY, results.get("canaryOnly").reason(), results.get("canaryOnly").detail());
    }

    private void show(Canary canary, TestDataCentre dc, WebClient web, String token, Map<String, CheckResult> results,
                      Map<String, Long> ids) {
        String canaryAt = canary.publicHost() + ":" + canary.publicPort();
        Map<String, String[]> shown = Map.of(
                "squid403", new String[]{"узел ответил 403 на CONNECT к " + canaryAt, "the endpoint answered 403 to CONNECT to " + canaryAt},
                "refused", new String[]{"узел отклонил выданные имя пользователя и пароль", "the endpoint refused the issued username/password"},
                "open", new String[]{"для клиента с именем и паролем, которые мы не выдавали: им может пользоваться кто угодно",
                        "for a client with a username and password we never issued: anyone can use it"},
                "canaryOnly", new String[]{"он передал нашу метку до тестового сервера, но узел не довёл нас до Telegram по адресу 127.0.0.1:"
                        + dc.port(), "it relayed our nonce to the canary, but the endpoint did not carry us to Telegram at 127.0.0.1:" + dc.port()});
        for (String name : results.keySet()) {
            String ru = web.get("/endpoints/" + ids.get(name) + "?lang=ru").then().statusCode(200).extract().asString();
            String en = web.get("/endpoints/" + ids.get(name) + "?lang=en").then().statusCode(200).extract().asString();
            String[] texts = shown.get(name);
            assertTrue(ru.contains(texts[0]), name + ": the Russian page shows the detail in Russian: " + lastDetail(ru));
            assertFalse(ru.contains(texts[1]), name + ": and not in English: " + lastDetail(ru));
            assertTrue(en.contains(texts[1]), name + ": the English page shows the detail in English: " + lastDetail(en));
            given().header("Authorization", "Bearer " + token).get("/api/v1/uptime/" + ids.get(name)).then().statusCode(200)
                    .body("current.detail", org.hamcrest.Matchers.equalTo(results.get(name).detail()));
        }
        String dashboard = web.get("/dashboard?lang=ru").then().statusCode(200).extract().asString();
        assertTrue(dashboard.contains(shown.get("refused")[0]), "the Russian dashboard too");
        assertFalse(dashboard.contains(shown.get("refused")[1]), "the Russian dashboard too");
    }

    @Test
    void shouldShowTheDetailOfACheckAskedForOnThePendingEndpointsPageInThePagesLanguage() throws Exception {
        try (TestSocks5Relay relay = new TestSocks5Relay("someone-else", "another-password")) {
            relay.start();
            WebClient web = new WebClient();
            String handle = web.signUp("detail-trial");
            web.get("/dashboard");
            Response registered = web.post("/endpoints", "type", "SOCKS5", "label", "", "host", "127.0.0.1",
                    "port", String.valueOf(relay.port()), "region", "Iran");
            assertEquals(303, registered.statusCode(), registered.asString());
            String path = registered.getHeader("Location").replaceFirst("^https?://[^/]+", "");
            long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
            try {
                assertEquals(303, web.post(path + "/check-now").statusCode());
                String ru = web.get(path + "?lang=ru").then().statusCode(200).extract().asString();
                String en = web.get(path + "?lang=en").then().statusCode(200).extract().asString();
                assertTrue(ru.contains("class=\"trial-detail\">узел отклонил выданные имя пользователя и пароль</small>"), ru);
                assertTrue(en.contains("class=\"trial-detail\">the endpoint refused the issued username/password</small>"), en);
            } finally {
                long account = QuarkusTransaction.requiringNew().call(() -> Account.byHandle(handle).orElseThrow().id);
                retirement.retire(account, id, Actor.system());
            }
        }
    }

    @Test
    void shouldRenderEveryDetailInRussianWithAllItsArguments() {
        for (java.lang.reflect.Method m : DetailMessages.class.getDeclaredMethods()) {
            if (!m.isAnnotationPresent(io.quarkus.qute.i18n.Message.class)) continue;
            Object[] args = new Object[m.getParameterCount()];
            for (int i = 0; i < args.length; i++) args[i] = "arg" + i + "x";
            Detail detail = Detail.of(m.getName(), args);
            String ru = DetailTexts.shown(detail, java.util.Locale.forLanguageTag("ru"), "FALLBACK");
            for (Object a : args) assertTrue(ru.contains((String) a), m.getName() + " keeps " + a + " in Russian: " + ru);
            if (!Set.of("verbatim", "joined").contains(m.getName())) {
                assertTrue(ru.chars().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC),
                        m.getName() + " is Russian: " + ru);
            }
            assertEquals(detail.english(), DetailTexts.shown(detail, java.util.Locale.ENGLISH, "FALLBACK"));
        }
    }

    private Socks5Checker socks(Canary canary, TestDataCentre dc) {
        if (dc == null) return new Socks5Checker(guard, canary, config);
        List<TelegramRsaKey> keys = List.of(TelegramRsaKey.fromPkcs1(TestDhResponder.publicKeyBase64()));
        return new Socks5Checker(guard, canary, config,
                new TelegramTargets(List.of(new UserTarget("127.0.0.1", dc.port(), (short) 2)), keys, 4096, config));
    }

    private static CheckTarget target(EndpointType type, int port) {
        return new CheckTarget("127.0.0.1", port, new MonitorCredential(type,
                Map.of(MonitorCredential.USERNAME, USER, MonitorCredential.PASSWORD, PASSWORD)));
    }

    private static long endpoint(String token, String label) {
        Response r = given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("type", "SOCKS5", "label", label, "host", "127.0.0.1", "port", TestPorts.block(1), "region", "Iran",
                        "protocolFields", Map.of()))
                .post("/api/v1/endpoints");
        assertEquals(201, r.statusCode(), r.asString());
        return ((Number) r.path("id")).longValue();
    }

    /** Records each result as the scheduler does: the endpoint approved, due, leased, its outcome written; other leases released. */
    private void record(Map<String, Long> ids, Map<String, CheckResult> results) throws Exception {
        ScheduleRepository schedule = new ScheduleRepository(db, cipher, json, endpointQueries);
        for (long id : ids.values()) sql("UPDATE endpoint SET state = 'APPROVED' WHERE id = ?", id);
        schedule.insertMissing(Duration.ofSeconds(1));
        for (long id : ids.values()) sql("UPDATE check_schedule SET next_check_at = now() - interval '1 minute' WHERE endpoint_id = ?", id);
        List<LeasedCheck> leased = schedule.lease("detail-lang-test", 1000, Duration.ofMinutes(5));
        List<ScheduleRepository.Outcome> outcomes = new ArrayList<>();
        List<LeasedCheck> others = new ArrayList<>();
        for (LeasedCheck l : leased) {
            String name = ids.entrySet().stream().filter(e -> e.getValue() == l.endpointId()).map(Map.Entry::getKey).findFirst().orElse(null);
            if (name == null) others.add(l);
            else outcomes.add(new ScheduleRepository.Outcome(l, results.get(name), 1, OffsetDateTime.now(), 60, 30));
        }
        schedule.release("detail-lang-test", others);
        assertEquals(ids.size(), outcomes.size(), "every endpoint leased");
        boolean[] recorded = schedule.recordAll("detail-lang-test", outcomes);
        for (boolean r : recorded) assertTrue(r, "recorded");
    }

    private void sql(String sql, long id) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, id);
            st.executeUpdate();
        }
    }

    private static String lastDetail(String page) {
        int at = page.indexOf("class=\"last-detail\"");
        return at < 0 ? "(no detail on the page)" : page.substring(at, Math.min(page.length(), at + 400));
    }
}
