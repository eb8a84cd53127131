package org.proxyfund.vantage;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.proxyfund.endpoint.EndpointService;
import org.proxyfund.operator.WebClient;
import org.proxyfund.probe.RealServer;

import javax.sql.DataSource;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Agents: created by an admin, enrolled once with their own key, every request signed, revocation final, all audited. */
@QuarkusTest
class AgentEnrollmentTest {

    @Inject
    DataSource db;

    @Inject
    EndpointService endpoints;

    @Test
    void shouldEnrollOnceOnlyKeepingOnlyThePublicKeyAndAuditIt() {
        WebClient admin = WebClient.admin();
        String token = AgentFixtures.createOnPage(admin, "home box", "ru", "Rostelecom AS12389");
        KeyPair keys = AgentFixtures.keys();
        Number id = AgentFixtures.enroll(token, keys).then().statusCode(201).body("region", equalTo("RU"))
                .extract().path("agentId");
        long agentId = id.longValue();
        AgentFixtures.enroll(token, AgentFixtures.keys()).then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("agent.token_invalid"));
        AgentFixtures.enroll("pfa_never-issued", AgentFixtures.keys()).then().statusCode(403);
        List<Object> row = AgentFixtures.row(db, "SELECT state, public_key FROM agent WHERE id = ?", agentId);
        assertEquals("ACTIVE", row.get(0));
        assertArrayEquals(keys.getPublic().getEncoded(), (byte[]) row.get(1), "the first key is kept, the second refused");
        byte[] stored = (byte[]) AgentFixtures.row(db, "SELECT token_hash FROM agent_enrollment_token WHERE agent_id = ?", agentId).get(0);
        assertTrue(!Arrays.equals(stored, token.getBytes()) && !new String(stored).contains(token), "only a hash of the token is kept");
        assertEquals(2, AgentFixtures.scalar(db, "SELECT count(*) FROM audit_log WHERE subject_type = 'AGENT' AND subject_id = ?"
                + " AND action IN ('AGENT_CREATED', 'AGENT_ENROLLED')", agentId));
        admin.get("/admin/agents").then().statusCode(200).body(containsString("Rostelecom AS12389"))
                .body(containsString("active"));
        admin.get("/admin/agents?lang=ru").then().statusCode(200).body(containsString("Агенты проверки"))
                .body(containsString("работает"));
    }

    @Test
    void shouldRefuseBadSignaturesReplaysStaleClocksAndAlteredBodies() {
        AgentFixtures.Caller agent = AgentFixtures.enrolled(WebClient.admin(), AgentFixtures.freshRegion(), "net A");
        agent.lease(5).then().statusCode(200).body("checks", hasSize(0));
        long now = System.currentTimeMillis();
        agent.post("/api/v1/agent/lease", "{}", now, "nonce-used-twice-0001", agent.keys()).then().statusCode(200);
        agent.post("/api/v1/agent/lease", "{}", now, "nonce-used-twice-0001", agent.keys()).then().statusCode(401)
                .body("code", equalTo("agent.replayed"));
        agent.post("/api/v1/agent/lease", "{}", now, "signed-by-a-stranger-1", AgentFixtures.keys()).then().statusCode(401)
                .body("code", equalTo("agent.signature_invalid"));
        agent.post("/api/v1/agent/lease", "{}", now - 10 * 60_000, "ten-minutes-old-00001", agent.keys()).then().statusCode(401)
                .body("code", equalTo("agent.clock_outside_window"));
        given().contentType("application/json").body("{}").post("/api/v1/agent/lease").then().statusCode(401)
                .body("code", equalTo("agent.signature_missing"));
        // A signature over one body does not cover another.
        byte[] body = "{\"max\":1}".getBytes();
        String signature = org.proxyfund.vantage.wire.SignedRequest.sign(agent.keys().getPrivate(),
                org.proxyfund.vantage.wire.SignedRequest.canonical("POST", "/api/v1/agent/lease", agent.agentId(), now, "altered-body-nonce-01", body));
        given().contentType("application/json").header("X-PF-Agent", agent.agentId()).header("X-PF-Timestamp", now)
                .header("X-PF-Nonce", "altered-body-nonce-01").header("X-PF-Signature", signature).body("{\"max\":50}")
                .post("/api/v1/agent/lease").then().statusCode(401).body("code", equalTo("agent.signature_invalid"));
    }

    @Test
    void shouldLeaseEachCheckOnceAndKeepEveryJudgedResult() {
        WebClient admin = WebClient.admin();
        String region = AgentFixtures.freshRegion();
        long endpoint = AgentFixtures.approvedEndpoint(endpoints, db, region.toLowerCase(), RealServer.freePort());
        AgentFixtures.Caller a = AgentFixtures.enrolled(admin, region, "net A");
        AgentFixtures.Caller b = AgentFixtures.enrolled(admin, region, "net B");
        Response lease = a.lease(10);
        lease.then().statusCode(200).body("checks", hasSize(1)).body("checks[0].type", equalTo("SOCKS5"))
                .body("checks[0].host", equalTo("127.0.0.1")).body("checks[0].frames", hasSize(4))
                .body("checks[0].credential.username", org.hamcrest.Matchers.notNullValue());
        long leaseId = lease.jsonPath().getLong("checks[0].leaseId");
        b.lease(10).then().statusCode(200).body("checks", hasSize(0));
        String down = "{\"leaseId\":" + leaseId + ",\"status\":\"DOWN\",\"reason\":\"TIMEOUT\",\"detail\":\"no answer\",\"checkedAt\":\""
                + Instant.now() + "\"}";
        b.push(down).then().statusCode(200).body("accepted", equalTo(0)).body("refused[0].code", equalTo("lease.unknown"));
        a.push(down).then().statusCode(200).body("accepted", equalTo(1));
        a.push(down).then().statusCode(200).body("accepted", equalTo(0)).body("refused[0].code", equalTo("lease.done"));
        assertEquals(1, AgentFixtures.scalar(db, "SELECT count(*) FROM agent_result WHERE endpoint_id = ? AND verdict = 'ACCEPTED'"
                + " AND agent_id = ? AND status = 'DOWN' AND reason = 'TIMEOUT'", endpoint, a.agentId()));
        a.lease(10).then().statusCode(200).body("checks", hasSize(0));
        // The page counts per agent: a had one accepted and one refused (the repeat), b one refused (not its lease).
        String page = admin.get("/admin/agents").asString();
        assertTrue(page.matches("(?s).*<tr id=\"agent-" + a.agentId() + "\">.*?<td>1 / 1</td>.*"), "a: 1 accepted, 1 refused");
        assertTrue(page.matches("(?s).*<tr id=\"agent-" + b.agentId() + "\">.*?<td>0 / 1</td>.*"), "b: 0 accepted, 1 refused");
    }

    @Test
    void shouldHandAKilledAgentsWorkToAnotherAgentOfTheRegionWithNothingLostOrDoubled() {
        WebClient admin = WebClient.admin();
        String region = AgentFixtures.freshRegion();
        long endpoint = AgentFixtures.approvedEndpoint(endpoints, db, region, RealServer.freePort());
        AgentFixtures.Caller killed = AgentFixtures.enrolled(admin, region, "net A");
        AgentFixtures.Caller other = AgentFixtures.enrolled(admin, region, "net B");
        long first = killed.lease(1).then().statusCode(200).extract().jsonPath().getLong("checks[0].leaseId");
        other.lease(1).then().statusCode(200).body("checks", hasSize(0));
        // The first agent dies holding the lease; its deadline passes (moved, rather than waited for).
        AgentFixtures.row(db, "UPDATE agent_lease SET leased_at = leased_at - interval '10 minutes', deadline_at = now() - interval '1 second'"
                + " WHERE id = ?", first);
        AgentFixtures.row(db, "UPDATE agent_schedule SET next_check_at = now() - interval '1 second' WHERE endpoint_id = ?", endpoint);
        long second = other.lease(1).then().statusCode(200).extract().jsonPath().getLong("checks[0].leaseId");
        String down = ",\"status\":\"DOWN\",\"reason\":\"TIMEOUT\",\"detail\":\"x\",\"checkedAt\":\"" + Instant.now() + "\"}";
        other.push("{\"leaseId\":" + second + down).then().statusCode(200).body("accepted", equalTo(1));
        // The first agent comes back and sends its stale result: kept for audit, refused, not counted twice.
        killed.push("{\"leaseId\":" + first + down).then().statusCode(200).body("refused[0].code", equalTo("lease.expired"));
        assertEquals(1, AgentFixtures.scalar(db, "SELECT count(*) FROM agent_result WHERE endpoint_id = ? AND verdict = 'ACCEPTED'", endpoint));
        assertEquals(2, AgentFixtures.scalar(db, "SELECT count(*) FROM agent_result WHERE endpoint_id = ?", endpoint));
    }

    @Test
    void shouldRefuseARevokedAgentAndItsResults() {
        WebClient admin = WebClient.admin();
        String region = AgentFixtures.freshRegion();
        AgentFixtures.approvedEndpoint(endpoints, db, region, RealServer.freePort());
        AgentFixtures.Caller agent = AgentFixtures.enrolled(admin, region, "net A");
        long leaseId = agent.lease(1).then().statusCode(200).extract().jsonPath().getLong("checks[0].leaseId");
        admin.get("/admin/agents");
        admin.postWithoutToken("/admin/agents/" + agent.agentId() + "/revoke").then().statusCode(403);
        assertEquals("ACTIVE", AgentFixtures.row(db, "SELECT state FROM agent WHERE id = ?", agent.agentId()).get(0));
        admin.post("/admin/agents/" + agent.agentId() + "/revoke").then().statusCode(200).body(containsString("revoked"));
        agent.push("{\"leaseId\":" + leaseId + ",\"status\":\"DOWN\",\"reason\":\"TIMEOUT\",\"detail\":\"x\",\"checkedAt\":\""
                + Instant.now() + "\"}").then().statusCode(403).body("code", equalTo("agent.revoked"));
        agent.lease(1).then().statusCode(403).body("code", equalTo("agent.revoked"));
        assertEquals(0, AgentFixtures.scalar(db, "SELECT count(*) FROM agent_result WHERE agent_id = ?", agent.agentId()));
        assertEquals(1, AgentFixtures.scalar(db, "SELECT count(*) FROM audit_log WHERE subject_type = 'AGENT' AND subject_id = ?"
                + " AND action = 'AGENT_REVOKED' AND actor_handle = 'root-admin'", agent.agentId()));
        admin.get("/admin/agents").then().body(containsString("revoked"));
    }
}
