package org.proxyfund.probe.history;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import org.proxyfund.operator.Account;
import org.proxyfund.operator.WebClient;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/**
 * Test data for the read side: operators and endpoints through the real sign-up and endpoint API, and the
 * history rows (rollups, current state) the scheduler would write, inserted with SQL.
 */
final class HistoryFixtures {

    private static final AtomicInteger PORT = new AtomicInteger(60001);

    /** A signed-up operator with an API token. */
    record Operator(WebClient web, String handle, String token, long accountId) {

        /** Registers a SOCKS5 endpoint on a loopback port through the API and returns its id. */
        long endpoint(String label) {
            Map<String, Object> body = Map.of("type", "SOCKS5", "label", label, "host", "127.0.0.1",
                    "port", PORT.incrementAndGet(), "region", "Iran", "protocolFields", Map.of());
            Number id = given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/endpoints").then().statusCode(201).extract().path("id");
            return id.longValue();
        }
    }

    private HistoryFixtures() {
    }

    static Operator operator(String prefix) {
        WebClient web = new WebClient();
        String handle = web.signUp(prefix);
        String token = web.createApiToken();
        long id = QuarkusTransaction.requiringNew().call(() -> Account.byHandle(handle).orElseThrow().id);
        return new Operator(web, handle, token, id);
    }

    /** One hourly rollup row; latency null when there were no UP checks. */
    static void rollup(DataSource ds, long endpointId, Instant hour, int up, int down, int unknown, Integer p50, Integer p95) {
        sql(ds, "INSERT INTO check_rollup_hourly (endpoint_id, hour_start, up_count, down_count, unknown_count, latency_p50_ms,"
                + " latency_p95_ms) VALUES (?, ?, ?, ?, ?, ?, ?)", endpointId, hour.atOffset(ZoneOffset.UTC), up, down, unknown, p50, p95);
    }

    /** The scheduler's record of the latest check of an endpoint. */
    static void current(DataSource ds, long endpointId, String status, String reason, String detail, Instant checkedAt,
                        Integer latencyMs, Instant downSince) {
        sql(ds, "INSERT INTO check_schedule (endpoint_id, next_check_at, last_checked_at, last_status, last_reason, last_detail,"
                        + " last_latency_ms, down_since) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                endpointId, checkedAt.plusSeconds(60).atOffset(ZoneOffset.UTC), checkedAt.atOffset(ZoneOffset.UTC), status, reason,
                detail, latencyMs, downSince == null ? null : downSince.atOffset(ZoneOffset.UTC));
    }

    static void sql(DataSource ds, String sql, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
