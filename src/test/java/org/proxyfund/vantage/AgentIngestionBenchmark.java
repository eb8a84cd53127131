package org.proxyfund.vantage;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.proxyfund.endpoint.EndpointService;
import org.proxyfund.operator.WebClient;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Result ingestion on the service: an agent's leased checks answered through the signed API in batches of 500, against
 * the baseline of the same rows written by one JDBC batch in the same run (the database's own pace on this machine).
 * Prints results per second and the ratio; no timed assertion. {@code ./mvnw -Pbench test -Dtest=AgentIngestionBenchmark}.
 */
@QuarkusTest
@Tag("benchmark")
class AgentIngestionBenchmark {

    private static final int ENDPOINTS = 1000;
    private static final int BATCH = 500;

    @Inject
    DataSource db;

    @Inject
    EndpointService endpoints;

    @Test
    void shouldReportResultIngestionAgainstAPlainJdbcBatch() throws Exception {
        String region = AgentFixtures.freshRegion();
        for (int i = 0; i < ENDPOINTS; i++) AgentFixtures.approvedEndpoint(endpoints, db, region, org.proxyfund.probe.RealServer.freePort());
        AgentFixtures.Caller agent = AgentFixtures.enrolled(WebClient.admin(), region, "bench");
        List<Long> leases = new ArrayList<>();
        while (leases.size() < ENDPOINTS) {
            JsonPath lease = agent.lease(50).then().statusCode(200).extract().jsonPath();
            List<Number> ids = lease.getList("checks.leaseId", Number.class);
            if (ids.isEmpty()) break;
            ids.forEach(n -> leases.add(n.longValue()));
        }
        assertEquals(ENDPOINTS, leases.size());
        String at = Instant.now().toString();
        long t0 = System.nanoTime();
        int accepted = 0;
        for (int from = 0; from < leases.size(); from += BATCH) {
            StringBuilder body = new StringBuilder();
            for (long id : leases.subList(from, Math.min(leases.size(), from + BATCH))) {
                if (!body.isEmpty()) body.append(',');
                body.append("{\"leaseId\":").append(id).append(",\"status\":\"DOWN\",\"reason\":\"TIMEOUT\",\"detail\":\"no TCP connection\",")
                        .append("\"detailKey\":\"tcp_timeout\",\"checkedAt\":\"").append(at).append("\"}");
            }
            accepted += agent.push(body.toString()).then().statusCode(200).extract().jsonPath().getInt("accepted");
        }
        double serviceSeconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(ENDPOINTS, accepted);

        long t1 = System.nanoTime();
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(
                "INSERT INTO canary_sighting (nonce, source, seen_at) VALUES (?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < ENDPOINTS; i++) {
                byte[] nonce = new byte[40];
                java.util.concurrent.ThreadLocalRandom.current().nextBytes(nonce);
                st.setBytes(1, nonce);
                st.setString(2, "192.0.2.1");
                st.setTimestamp(3, Timestamp.from(Instant.now().minusSeconds(7 * 86_400)));
                st.addBatch();
                if (i % BATCH == BATCH - 1) {
                    st.executeBatch();
                    c.commit();
                }
            }
            st.executeBatch();
            c.commit();
        }
        double baselineSeconds = (System.nanoTime() - t1) / 1e9;
        System.out.printf("[perf] agent results ingested: %d in %.2f s = %.0f results/s; plain JDBC batch of as many rows: %.0f rows/s;"
                        + " ratio %.2f%n", ENDPOINTS, serviceSeconds, ENDPOINTS / serviceSeconds, ENDPOINTS / baselineSeconds,
                (ENDPOINTS / serviceSeconds) / (ENDPOINTS / baselineSeconds));
    }
}
