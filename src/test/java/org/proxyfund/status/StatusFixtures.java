package org.proxyfund.status;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import org.proxyfund.operator.Account;
import org.proxyfund.operator.WebClient;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * Test data for the status page and badges: operators and endpoints through the real sign-up and endpoint API, and
 * the rows the scheduler and the rollup would write (latest check, hourly rollups), inserted with SQL.
 */
final class StatusFixtures {


    /** A signed-up operator with an API token. */
    record Operator(WebClient web, String handle, String token, long accountId) {

        /** Registers an endpoint of this type on a loopback port through the API and returns its id. */
        long endpoint(String type, String label) {
            Map<String, Object> body = Map.of("type", type, "label", label, "host", "127.0.0.1",
                    "port", org.proxyfund.common.testing.TestPorts.block(1), "region", "Iran", "protocolFields", Map.of());
            Number id = given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/endpoints").then().statusCode(201).extract().path("id");
            return id.longValue();
        }
    }

    private StatusFixtures() {
    }

    static Operator operator(String prefix) {
        WebClient web = new WebClient();
        String handle = web.signUp(prefix);
        String token = web.createApiToken();
        long id = QuarkusTransaction.requiringNew().call(() -> Account.byHandle(handle).orElseThrow().id);
        return new Operator(web, handle, token, id);
    }

    static Instant hoursAgo(int h) {
        return Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(h));
    }

    static void approve(DataSource ds, long endpointId) {
        sql(ds, "UPDATE endpoint SET state = 'APPROVED' WHERE id = ?", endpointId);
    }

    /** One hourly rollup row. */
    static void rollup(DataSource ds, long endpointId, Instant hour, int up, int down, int unknown) {
        sql(ds, "INSERT INTO check_rollup_hourly (endpoint_id, hour_start, up_count, down_count, unknown_count) VALUES (?, ?, ?, ?, ?)",
                endpointId, hour.atOffset(ZoneOffset.UTC), up, down, unknown);
    }

    /** The scheduler's record of the latest check of an endpoint. */
    static void current(DataSource ds, long endpointId, String status, Instant checkedAt) {
        sql(ds, """
                INSERT INTO check_schedule (endpoint_id, next_check_at, last_checked_at, last_status, last_reason)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (endpoint_id) DO UPDATE SET last_checked_at = EXCLUDED.last_checked_at,
                last_status = EXCLUDED.last_status, last_reason = EXCLUDED.last_reason""",
                endpointId, checkedAt.plusSeconds(60).atOffset(ZoneOffset.UTC), checkedAt.atOffset(ZoneOffset.UTC), status,
                "DOWN".equals(status) ? "CONNECT_REFUSED" : null);
    }

    /** A maintenance window [from, to) declared a day before it starts (written as the service would have, back then). */
    static void window(DataSource ds, long endpointId, Instant from, Instant to) {
        sql(ds, "INSERT INTO maintenance_window (endpoint_id, starts_at, ends_at, declared_at) VALUES (?, ?, ?, ?)", endpointId,
                from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC), from.minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC));
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
