package org.proxyfund.vantage;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.proxyfund.endpoint.EndpointService;
import org.proxyfund.operator.WebClient;
import org.proxyfund.probe.RealServer;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Control endpoints: an admin marks a known-up endpoint (audited); it reaches every region's agents in their leases,
 * indistinguishable from their own work; an agent that reports it DOWN while the central monitor finds it UP is
 * impaired for that time and its DOWNs then are UNKNOWN, on the region's verdict and in settlement's figures; the
 * admin page shows each agent's agreement with its region and its impairment.
 */
@QuarkusTest
class ControlEndpointTest {

    @Inject
    DataSource db;
    @Inject
    EndpointService endpoints;
    @Inject
    AgentEpochQueries epochs;
    @Inject
    RegionQueries regions;

    private final List<Long> controls = new ArrayList<>();

    @AfterEach
    void unmark() {
        // Controls reach every region's leases: leave none behind for other tests.
        controls.forEach(id -> AgentFixtures.row(db, "DELETE FROM control_endpoint WHERE endpoint_id = ?", id));
    }

    private static String down(long leaseId) {
        return "{\"leaseId\":" + leaseId + ",\"status\":\"DOWN\",\"reason\":\"TIMEOUT\",\"detail\":\"no TCP connection\","
                + "\"detailKey\":\"tcp_timeout\",\"checkedAt\":\"" + Instant.now() + "\"}";
    }

    private void centralSees(long endpointId, String status) {
        AgentFixtures.row(db, "INSERT INTO check_result (endpoint_id, checked_at, status, reason, latency_ms, monitor)"
                        + " VALUES (?, ?, ?, ?, ?, 'central-test')", endpointId, Instant.now().minusSeconds(30).atOffset(ZoneOffset.UTC),
                status, "UP".equals(status) ? null : "TIMEOUT", "UP".equals(status) ? 9 : null);
    }

    private long mark(WebClient admin, long endpointId) {
        admin.get("/admin/agents");
        admin.post("/admin/agents/controls", "endpointId", String.valueOf(endpointId)).then().statusCode(200)
                .body(containsString("Endpoint " + endpointId + " is now a control."));
        controls.add(endpointId);
        return endpointId;
    }

    /** Leases everything due to the agent: lease id by "host:port". */
    private static Map<String, Long> leaseAll(AgentFixtures.Caller agent, Set<Set<String>> shapes) {
        JsonPath lease = agent.lease(50).then().statusCode(200).extract().jsonPath();
        Map<String, Long> out = new java.util.HashMap<>();
        List<Map<String, Object>> checks = lease.getList("checks");
        for (Map<String, Object> c : checks) {
            out.put(c.get("host") + ":" + c.get("port"), ((Number) c.get("leaseId")).longValue());
            shapes.add(new HashSet<>(c.keySet()));
        }
        return out;
    }

    @Test
    void shouldMixAMarkedControlUnannouncedIntoEveryRegionsLeasesAndAuditTheMark() {
        WebClient admin = WebClient.admin();
        String home = AgentFixtures.freshRegion();
        String elsewhere = AgentFixtures.freshRegion();
        long own = AgentFixtures.approvedEndpoint(endpoints, db, home, RealServer.freePort());
        long control = mark(admin, AgentFixtures.approvedEndpoint(endpoints, db, elsewhere, RealServer.freePort()));
        assertEquals(1, AgentFixtures.scalar(db, "SELECT count(*) FROM audit_log WHERE subject_type = 'ENDPOINT' AND subject_id = ?"
                + " AND action = 'CONTROL_MARKED'", control));
        admin.post("/admin/agents/controls", "endpointId", String.valueOf(control)).then().body(containsString("it is a control already"));
        admin.post("/admin/agents/controls", "endpointId", "999999999").then().body(containsString("no approved endpoint with that number"));

        Set<Set<String>> shapes = new HashSet<>();
        AgentFixtures.Caller agent = AgentFixtures.enrolled(admin, home, "net H");
        Map<String, Long> leased = leaseAll(agent, shapes);
        assertTrue(leased.containsKey(address(control)), "the control, of another region, is in the agent's work: " + leased);
        assertTrue(leased.containsKey(address(own)), "beside the region's own endpoint: " + leased);
        assertEquals(2, leased.size(), "and no endpoint of another region but the control: " + leased);
        assertEquals(1, shapes.size(), "a control's check carries exactly the fields of any other: " + shapes);

        admin.post("/admin/agents/controls/" + control + "/unmark").then().statusCode(200)
                .body(containsString("Endpoint " + control + " is no longer a control."));
        assertEquals(1, AgentFixtures.scalar(db, "SELECT count(*) FROM audit_log WHERE subject_type = 'ENDPOINT' AND subject_id = ?"
                + " AND action = 'CONTROL_UNMARKED'", control));
        mark(admin, control);
        admin.get("/admin/agents?lang=ru").then().body(containsString("Контрольные узлы")).body(containsString("id=\"control-" + control + "\""))
                .body(containsString("Снять отметку"));
    }

    @Test
    void shouldImpairAnAgentThatFindsAControlDownWhileTheCentralMonitorSeesItUpAndCountItsDownsAsUnknown() {
        WebClient admin = WebClient.admin();
        String region = AgentFixtures.freshRegion();
        long own = AgentFixtures.approvedEndpoint(endpoints, db, region, RealServer.freePort());
        long upControl = mark(admin, AgentFixtures.approvedEndpoint(endpoints, db, AgentFixtures.freshRegion(), RealServer.freePort()));
        long downControl = mark(admin, AgentFixtures.approvedEndpoint(endpoints, db, AgentFixtures.freshRegion(), RealServer.freePort()));
        centralSees(upControl, "UP");
        centralSees(downControl, "DOWN");

        AgentFixtures.Caller blind = AgentFixtures.enrolled(admin, region, "net A");
        AgentFixtures.Caller honest = AgentFixtures.enrolled(admin, region, "net B");
        Map<String, Long> blindWork = leaseAll(blind, new HashSet<>());
        blind.push(String.join(",", down(blindWork.get(address(upControl))), down(blindWork.get(address(downControl))),
                down(blindWork.get(address(own))))).then().statusCode(200).body("accepted", equalTo(3));

        assertEquals(1, AgentFixtures.scalar(db, "SELECT count(*) FROM agent_impairment WHERE agent_id = ?", blind.agentId()),
                "only the control the central monitor saw UP impairs it");
        assertEquals(0, AgentFixtures.scalar(db, "SELECT count(*) FROM agent_impairment WHERE agent_id = ?", honest.agentId()));

        Instant now = Instant.now();
        AgentEpochQueries.AgentEpochCount counts = epochs.epochCounts(now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)))
                .stream().filter(c -> c.agentId() == blind.agentId() && c.endpointId() == own).findFirst().orElseThrow();
        assertEquals(0, counts.down(), "its DOWN while impaired is no DOWN for settlement");
        assertEquals(1, counts.impairedDowns(), "it is counted apart, as UNKNOWN");
        assertTrue(regions.forEndpoint(own, true, now).isEmpty(), "nor for the region's verdict: the region has no fresh verdict");

        admin.get("/admin/agents").then().statusCode(200)
                .body(containsString("impaired now: 1 control check(s) failed while the central monitor saw them up"));
        admin.get("/admin/agents?lang=ru").then().body(containsString("нарушена сейчас: 1"));
    }

    @Test
    void shouldShowEachAgentsAgreementWithTheOtherAgentsOfItsRegion() {
        WebClient admin = WebClient.admin();
        String region = AgentFixtures.freshRegion();
        long endpoint = AgentFixtures.approvedEndpoint(endpoints, db, region, RealServer.freePort());
        List<AgentFixtures.Caller> agents = new ArrayList<>();
        for (String net : List.of("net 1", "net 2", "net 3", "net 4")) {
            agents.add(AgentFixtures.enrolled(admin, region, net));
        }
        Instant at = Instant.now().minusSeconds(20);
        for (int i = 0; i < agents.size(); i++) {
            AgentFixtures.Caller a = agents.get(i);
            // Seeded accepted results (one per agent, the same minute): three saw it UP, the first DOWN.
            long lease = AgentFixtures.scalar(db, "INSERT INTO agent_lease (agent_id, endpoint_id, region, nonces, leased_at, deadline_at,"
                    + " completed_at) VALUES (?, ?, ?, '{}', ?, ?, ?) RETURNING id", a.agentId(), endpoint, region,
                    at.atOffset(ZoneOffset.UTC), at.plusSeconds(120).atOffset(ZoneOffset.UTC), at.plusSeconds(5).atOffset(ZoneOffset.UTC));
            AgentFixtures.row(db, "INSERT INTO agent_result (lease_id, agent_id, endpoint_id, region, checked_at, received_at, status,"
                    + " reason, latency_ms, detail, verdict) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', 'ACCEPTED')", lease, a.agentId(),
                    endpoint, region, at.atOffset(ZoneOffset.UTC), at.plusSeconds(5).atOffset(ZoneOffset.UTC), i == 0 ? "DOWN" : "UP",
                    i == 0 ? "TIMEOUT" : null, i == 0 ? null : 10);
        }
        String page = admin.get("/admin/agents").then().statusCode(200).extract().asString();
        assertTrue(agentRow(page, agents.get(0).agentId()).contains("0 % of 1 checks"), agentRow(page, agents.get(0).agentId()));
        assertTrue(agentRow(page, agents.get(1).agentId()).contains("100 % of 1 checks"), agentRow(page, agents.get(1).agentId()));
        assertTrue(agentRow(admin.get("/admin/agents?lang=ru").asString(), agents.get(0).agentId()).contains("0 % из 1 проверок"));
    }

    /** "host:port" of an endpoint, as its leased check names it. */
    private String address(long endpointId) {
        List<Object> row = AgentFixtures.row(db, "SELECT host, port FROM endpoint WHERE id = ?", endpointId);
        return row.get(0) + ":" + row.get(1);
    }

    private static String agentRow(String page, long agentId) {
        int from = page.indexOf("<tr id=\"agent-" + agentId + "\"");
        assertTrue(from >= 0, "the agent's row");
        return page.substring(from, page.indexOf("</tr>", from));
    }
}
