package org.proxyfund.vantage;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.proxyfund.endpoint.EndpointService;
import org.proxyfund.operator.WebClient;
import org.proxyfund.probe.RealServer;

import javax.sql.DataSource;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Instant;
import java.util.Base64;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Agents that lie about an UP: one reports it without relaying anything, one sends the leased nonce straight to the
 * canary itself instead of through the proxy. Both UPs are refused, kept for audit, and flag the agent.
 */
@QuarkusTest
class LyingAgentTest {

    @Inject
    DataSource db;

    @Inject
    EndpointService endpoints;

    private static String up(long leaseId) {
        return "{\"leaseId\":" + leaseId + ",\"status\":\"UP\",\"latencyMs\":12,\"detail\":\"nonce relayed\",\"checkedAt\":\""
                + Instant.now() + "\"}";
    }

    @Test
    void shouldRefuseAnUpWhoseNonceNeverReachedTheCanaryAndFlagTheAgent() {
        WebClient admin = WebClient.admin();
        String region = AgentFixtures.freshRegion();
        long endpoint = AgentFixtures.approvedEndpoint(endpoints, db, region, RealServer.freePort());
        AgentFixtures.Caller liar = AgentFixtures.enrolled(admin, region, "net L");
        long leaseId = liar.lease(1).then().statusCode(200).extract().jsonPath().getLong("checks[0].leaseId");
        liar.push(up(leaseId)).then().statusCode(200).body("accepted", equalTo(0))
                .body("refused[0].code", equalTo("up.nonce_never_arrived"));
        assertEquals(1, AgentFixtures.scalar(db, "SELECT count(*) FROM agent_result WHERE endpoint_id = ? AND status = 'UP'"
                + " AND verdict = 'REFUSED' AND refusal = 'up.nonce_never_arrived'", endpoint), "the lie is kept for audit");
        assertEquals(1, AgentFixtures.scalar(db, "SELECT false_up_count FROM agent WHERE id = ?", liar.agentId()));
        admin.get("/admin/agents").then().body(containsString("1 UP(s) whose nonce never came through the proxy"));
        admin.get("/admin/agents?lang=ru").then().body(containsString("чей nonce не прошёл через прокси: 1"));
    }

    @Test
    void shouldRefuseAnUpWhoseNonceTheAgentSentStraightToTheCanary() throws Exception {
        String region = AgentFixtures.freshRegion();
        long endpoint = AgentFixtures.approvedEndpoint(endpoints, db, region, RealServer.freePort());
        AgentFixtures.Caller liar = AgentFixtures.enrolled(WebClient.admin(), region, "net L");
        JsonPath lease = liar.lease(1).then().statusCode(200).extract().jsonPath();
        byte[] frame = Base64.getDecoder().decode(lease.getString("checks[0].frames[0].frame"));
        byte[] expected = Base64.getDecoder().decode(lease.getString("checks[0].frames[0].answer"));
        // The agent talks to the canary itself, from the address it calls the service from (loopback here).
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            s.connect(new InetSocketAddress(lease.getString("canaryHost"), lease.getInt("canaryPort")), 10_000);
            s.setSoTimeout(10_000);
            s.getOutputStream().write(frame);
            InputStream in = s.getInputStream();
            assertArrayEquals(expected, in.readNBytes(expected.length), "the canary answered the nonce");
        }
        liar.push(up(lease.getLong("checks[0].leaseId"))).then().statusCode(200).body("accepted", equalTo(0))
                .body("refused[0].code", equalTo("up.nonce_from_agent"));
        assertEquals(1, AgentFixtures.scalar(db, "SELECT count(*) FROM agent_result WHERE endpoint_id = ? AND verdict = 'REFUSED'"
                + " AND refusal = 'up.nonce_from_agent'", endpoint));
        assertEquals(1, AgentFixtures.scalar(db, "SELECT false_up_count FROM agent WHERE id = ?", liar.agentId()));
    }
}
