package org.proxyfund.vantage;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.proxyfund.endpoint.EndpointService;
import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.endpoint.HostGuard;
import org.proxyfund.endpoint.MonitorCredential;
import org.proxyfund.endpoint.TestEndpointConfig;
import org.proxyfund.operator.WebClient;
import org.proxyfund.probe.CheckResult;
import org.proxyfund.probe.CheckTarget;
import org.proxyfund.probe.ProbeConfig;
import org.proxyfund.probe.canary.Canary;
import org.proxyfund.probe.socks5.Socks5Checker;

import javax.sql.DataSource;
import java.net.InetAddress;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An agent process inside a censored network (a network namespace with iptables rules the test sets) checks two real
 * proxies: the one the censor drops, resets, then cuts after its first bytes is DOWN from inside with that interference
 * while the central checker outside still finds it UP; the other stays UP inside; once the rule is lifted the blocked one
 * is UP inside again.
 */
@QuarkusTest
class CensoredNetworkTest {

    @Inject
    DataSource db;

    @Inject
    EndpointService endpoints;

    @Inject
    Canary canary;

    @Inject
    ProbeConfig probe;

    @TestHTTPResource("/")
    URL base;

    @Test
    @Tag("long") // network namespaces and a probe agent over several intervals: ./mvnw -Plong verify (docs/testing.md)
    void shouldSeeAProxyBlockedInsideTheCensoredNetworkWhileItStaysUpFromOutside() throws Exception {
        WebClient admin = WebClient.admin();
        WebClient operator = new WebClient();
        String handle = operator.signUp("censored");
        long operatorId = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> org.proxyfund.operator.Account.byHandle(handle).orElseThrow().id);
        String region = AgentFixtures.freshRegion();
        try (CensoredNetwork net = CensoredNetwork.create()) {
            AgentFixtures.Served blocked = AgentFixtures.microsocks(endpoints, db, operatorId, region, net.hostAddress, "127.0.0.2");
            AgentFixtures.Served open = AgentFixtures.microsocks(endpoints, db, region, net.hostAddress, "127.0.0.2");
            try (var a = blocked.server(); var b = open.server();
                 Forwarder service = new Forwarder(InetAddress.getByName(net.hostAddress), base.getPort()).start()) {
                net.block(net.hostAddress, blocked.server().port(), CensoredNetwork.Interference.DROP);
                String token = AgentFixtures.createOnPage(admin, "censored", region, "namespace");
                try (AgentProcess agent = AgentProcess.start(net.exec(), "http://" + net.hostAddress + ":" + service.port(), token,
                        AgentProcess.stateDir("censored"), "--allow-host", "10.237.0.0/16")) {
                    await(() -> latest(blocked).equals("DOWN TIMEOUT ACCEPTED") && latest(open).equals("UP - ACCEPTED"), agent);
                    assertTrue(detail(blocked).contains("no TCP connection"), "a silent drop: " + detail(blocked));

                    Socks5Checker outside = new Socks5Checker(new HostGuard(new TestEndpointConfig("10.237.0.0/16")), canary, probe);
                    CheckResult fromOutside = outside.check(new CheckTarget(net.hostAddress, blocked.server().port(),
                            new MonitorCredential(EndpointType.SOCKS5, blocked.credential())));
                    assertTrue(fromOutside.isUp(), "reachable from outside the censored network: " + fromOutside);
                    // What the central monitor would record of that check (its scheduler is off in tests).
                    AgentFixtures.row(db, "INSERT INTO check_schedule (endpoint_id, next_check_at, last_checked_at, last_status,"
                            + " last_detail, last_latency_ms) VALUES (?, now() + interval '1 hour', now(), 'UP', ?, ?)",
                            blocked.endpointId(), fromOutside.detail(), (int) fromOutside.latency().toMillis());
                    String page = operator.get("/endpoints/" + blocked.endpointId()).then().statusCode(200).extract().asString();
                    assertTrue(page.contains("Blocked in " + region + " from 1 of 1 networks since ")
                            && page.contains("reachable from outside: move it to a new address")
                            && page.contains("a silent drop"), "the operator reads it in words:\n" + page);
                    String apiToken = operator.createApiToken();
                    io.restassured.RestAssured.given().header("Authorization", "Bearer " + apiToken)
                            .get("/api/v1/endpoints/" + blocked.endpointId() + "/regions").then().statusCode(200)
                            .body("[0].region", org.hamcrest.Matchers.equalTo(region))
                            .body("[0].verdict", org.hamcrest.Matchers.equalTo("BLOCKED"))
                            .body("[0].interference", org.hamcrest.Matchers.equalTo("DROP"))
                            .body("[0].networksDown", org.hamcrest.Matchers.equalTo(1));
                    io.restassured.RestAssured.given().header("Authorization", "Bearer " + apiToken)
                            .get("/api/v1/endpoints/" + open.endpointId() + "/regions").then().statusCode(404);
                    String ru = operator.get("/endpoints/" + blocked.endpointId() + "?lang=ru").asString();
                    assertTrue(ru.contains("Заблокирован в " + region + " из 1 из 1 сетей с ") && ru.contains("пакеты молча отбрасываются"),
                            "and in Russian:\n" + ru);

                    net.lift();
                    net.block(net.hostAddress, blocked.server().port(), CensoredNetwork.Interference.RESET);
                    dueNow(blocked.endpointId());
                    await(() -> latest(blocked).equals("DOWN CONNECT_REFUSED ACCEPTED"), agent);
                    assertTrue(detail(blocked).contains("Connection refused"), "a reset: " + detail(blocked));
                    assertTrue(operator.get("/endpoints/" + blocked.endpointId() + "?lang=en").asString().contains("the connection is reset"));

                    net.lift();
                    net.block(net.hostAddress, blocked.server().port(), CensoredNetwork.Interference.CUT);
                    dueNow(blocked.endpointId());
                    await(() -> latest(blocked).equals("DOWN TIMEOUT ACCEPTED") && detail(blocked).contains("during the handshake"), agent);
                    assertTrue(operator.get("/endpoints/" + blocked.endpointId() + "?lang=en").asString()
                            .contains("the connection is cut during the handshake, after the first bytes"));

                    net.lift();
                    dueNow(blocked.endpointId());
                    await(() -> latest(blocked).equals("UP - ACCEPTED"), agent);
                    String again = operator.get("/endpoints/" + blocked.endpointId() + "?lang=en").asString();
                    assertTrue(again.contains("Reachable in " + region + " from 1 of 1 networks."), "UP inside again:\n"
                            + again.substring(Math.max(0, again.indexOf("id=\"regions\"")), Math.min(again.length(), again.indexOf("id=\"regions\"") + 900)));
                    assertEquals(0, AgentFixtures.scalar(db, "SELECT count(*) FROM agent_result WHERE endpoint_id IN (?, ?)"
                            + " AND verdict = 'REFUSED'", blocked.endpointId(), open.endpointId()), "an honest agent's UPs all count");
                }
            }
        }
        assertTrue(new ProcessBuilder("ip", "netns", "list").start().inputReader().lines().noneMatch(l -> l.contains("pfv-c")),
                "the namespace is gone");
    }

    /** The latest result of the endpoint as "STATUS REASON VERDICT" ("-" for no reason), or "" when there is none. */
    private String latest(AgentFixtures.Served s) {
        List<Object> row = AgentFixtures.row(db, "SELECT status, coalesce(reason, '-'), verdict FROM agent_result WHERE endpoint_id = ?"
                + " ORDER BY id DESC LIMIT 1", s.endpointId());
        return row.isEmpty() ? "" : row.get(0) + " " + row.get(1) + " " + row.get(2);
    }

    private String detail(AgentFixtures.Served s) {
        List<Object> row = AgentFixtures.row(db, "SELECT detail FROM agent_result WHERE endpoint_id = ? ORDER BY id DESC LIMIT 1",
                s.endpointId());
        return row.isEmpty() ? "" : (String) row.get(0);
    }

    private void dueNow(long endpointId) {
        AgentFixtures.row(db, "UPDATE agent_schedule SET next_check_at = now() WHERE endpoint_id = ?", endpointId);
    }

    private void await(BooleanSupplier condition, AgentProcess agent) throws InterruptedException {
        Instant end = Instant.now().plus(Duration.ofSeconds(120));
        while (!condition.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(end), "timed out; agent output:\n" + agent.output());
            assertTrue(agent.alive(), "the agent ended:\n" + agent.output());
            Thread.sleep(250);
        }
    }
}
