package org.proxyfund.vantage;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proxyfund.common.identity.Actor;
import org.proxyfund.endpoint.EndpointService;
import org.proxyfund.endpoint.EndpointState;
import org.proxyfund.operator.WebClient;
import org.proxyfund.probe.RealServer;
import org.proxyfund.web.WebDriverSession;

import javax.sql.DataSource;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real Chromium shows an operator's dashboard with an endpoint blocked inside the region it serves (the agents of
 * two networks there see a silent drop, the central monitor outside sees it up), explained in words in English and
 * Russian. Screenshots: target/screenshots/dashboard-blocked-en.png and -ru.png.
 */
@QuarkusTest
class BlockedEndpointBrowserTest {

    private static final Path SHOTS = Path.of("target", "screenshots");

    @TestHTTPResource("/")
    URL root;

    @Inject
    DataSource db;

    @Inject
    EndpointService endpoints;

    @BeforeEach
    void needsChromium() {
        WebDriverSession.assumeInstalled();
    }

    @Test
    void shouldExplainABlockedEndpointInWordsOnTheDashboardInEnglishAndRussian() throws Exception {
        String base = root.toString().replaceAll("/$", "");
        String region = AgentFixtures.freshRegion();
        WebClient operator = new WebClient();
        String handle = operator.signUp("blocked");
        String token = operator.createApiToken();
        int id = given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("type", "SOCKS5", "label", "Proxy for " + region, "host", "127.0.0.1", "port", RealServer.freePort(),
                        "region", region, "protocolFields", Map.of()))
                .post("/api/v1/endpoints").then().statusCode(201).extract().path("id");
        endpoints.transitionTo(id, EndpointState.APPROVED, Actor.system(), null);
        // The central monitor outside found it up a moment ago.
        AgentFixtures.row(db, "INSERT INTO check_schedule (endpoint_id, next_check_at, last_checked_at, last_status, last_latency_ms)"
                + " VALUES (?, now() + interval '1 minute', now() - interval '10 seconds', 'UP', 40) ON CONFLICT (endpoint_id) DO UPDATE"
                + " SET last_checked_at = excluded.last_checked_at, last_status = 'UP', last_latency_ms = 40, last_reason = NULL", id);
        // Inside, the agents of two networks: UP twenty minutes ago, then a silent drop.
        for (String network : new String[]{"net one", "net two"}) {
            long agent = AgentFixtures.scalar(db, "INSERT INTO agent (name, region, network_label, state, public_key, enrolled_at, created_by)"
                    + " VALUES ('browser agent', ?, ?, 'ACTIVE', '\\x01'::bytea, now(), 'test') RETURNING id", region, network);
            result(agent, id, region, Instant.now().minusSeconds(20 * 60), "UP");
            result(agent, id, region, Instant.now().minusSeconds(40), "DOWN");
        }

        Files.createDirectories(SHOTS);
        try (WebDriverSession browser = new WebDriverSession(Path.of("target"))) {
            browser.open(base + "/login?lang=en");
            browser.type("#handle", handle);
            browser.type("#password", "correct horse battery");
            browser.click("#login-submit");
            browser.waitForUrl(u -> u.endsWith("/dashboard"));
            String en = browser.visibleText();
            browser.screenshot(SHOTS.resolve("dashboard-blocked-en.png"));
            assertTrue(en.contains("Blocked in " + region + " from 2 of 2 networks since ") && en.contains("reachable from outside: move it to a new address.")
                    && en.contains("Seen inside: a silent drop (no answer to the connection)."), en);

            browser.open(base + "/dashboard?lang=ru");
            String ru = browser.visibleText();
            browser.screenshot(SHOTS.resolve("dashboard-blocked-ru.png"));
            assertTrue(ru.contains("Заблокирован в " + region + " из 2 из 2 сетей с ") && ru.contains("снаружи доступен: перенесите его на новый адрес.")
                    && ru.contains("Изнутри видно: пакеты молча отбрасываются"), ru);
        }
    }

    private void result(long agentId, long endpointId, String region, Instant at, String status) {
        long lease = AgentFixtures.scalar(db, "INSERT INTO agent_lease (agent_id, endpoint_id, region, nonces, leased_at, deadline_at, completed_at)"
                + " VALUES (?, ?, ?, '{}', ?, ?, ?) RETURNING id", agentId, endpointId, region, at.atOffset(ZoneOffset.UTC),
                at.plusSeconds(120).atOffset(ZoneOffset.UTC), at.plusSeconds(5).atOffset(ZoneOffset.UTC));
        boolean down = "DOWN".equals(status);
        AgentFixtures.row(db, "INSERT INTO agent_result (lease_id, agent_id, endpoint_id, region, checked_at, received_at, status, reason,"
                        + " latency_ms, detail, verdict, detail_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACCEPTED', ?)", lease, agentId, endpointId,
                region, at.atOffset(ZoneOffset.UTC), at.plusSeconds(5).atOffset(ZoneOffset.UTC), status, down ? "TIMEOUT" : null,
                down ? null : 30, down ? "no TCP connection" : "relayed", down ? "tcp_timeout" : null);
    }
}
