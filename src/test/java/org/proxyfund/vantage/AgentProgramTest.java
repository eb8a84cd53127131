package org.proxyfund.vantage;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.proxyfund.endpoint.EndpointService;
import org.proxyfund.operator.WebClient;

import javax.sql.DataSource;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agent program as a volunteer runs it: its own JVM, against the service and a real proxy (microsocks). */
@QuarkusTest
class AgentProgramTest {

    @Inject
    DataSource db;

    @Inject
    EndpointService endpoints;

    @TestHTTPResource("/")
    URL base;

    @Test
    void shouldEnrollCheckThroughARealProxyRideOutAnOutageAndStopWhenRevoked() throws Exception {
        WebClient admin = WebClient.admin();
        String region = AgentFixtures.freshRegion();
        AgentFixtures.Served proxy = AgentFixtures.microsocks(endpoints, db, region, "127.0.0.2");
        String token = AgentFixtures.createOnPage(admin, "program", region, "loopback");
        try (var server = proxy.server(); Forwarder service = new Forwarder(base.getPort()).start();
             AgentProcess agent = AgentProcess.start(List.of(), "http://127.0.0.1:" + service.port(), token,
                     AgentProcess.stateDir("program"), "--allow-host", "127.0.0.0/8")) {
            await(() -> accepted(proxy.endpointId(), "UP") >= 1, Duration.ofSeconds(120), agent);
            long agentId = Long.parseLong(Files.readString(agent.stateDir.resolve("agent.id")).strip());
            assertArrayEquals(Files.readAllBytes(agent.stateDir.resolve("agent.pub")),
                    (byte[]) AgentFixtures.row(db, "SELECT public_key FROM agent WHERE id = ?", agentId).get(0),
                    "the service holds the agent's public key");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(agent.stateDir.resolve("agent.key"))));

            // An outage: the agent backs off instead of failing, and works again once the service is back.
            service.cut();
            dueNow(proxy.endpointId());
            await(() -> agent.output().split("service unavailable", -1).length > 2, Duration.ofSeconds(60), agent);
            assertTrue(agent.alive(), "the agent rides out the outage");
            service.start();
            await(() -> accepted(proxy.endpointId(), "UP") >= 2, Duration.ofSeconds(120), agent);

            admin.get("/admin/agents");
            admin.post("/admin/agents/" + agentId + "/revoke").then().statusCode(200);
            assertEquals(3, agent.awaitExit(60), "a revoked agent stops: " + agent.output());
        }
    }

    private long accepted(long endpointId, String status) {
        return AgentFixtures.scalar(db, "SELECT count(*) FROM agent_result WHERE endpoint_id = ? AND status = ? AND verdict = 'ACCEPTED'",
                endpointId, status);
    }

    private void dueNow(long endpointId) {
        AgentFixtures.row(db, "UPDATE agent_schedule SET next_check_at = now() WHERE endpoint_id = ?", endpointId);
    }

    private static void await(BooleanSupplier condition, Duration most, AgentProcess agent) throws InterruptedException {
        Instant end = Instant.now().plus(most);
        while (!condition.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(end), "timed out; agent output:\n" + agent.output());
            assertTrue(agent.alive(), "the agent ended:\n" + agent.output());
            Thread.sleep(250);
        }
    }
}
