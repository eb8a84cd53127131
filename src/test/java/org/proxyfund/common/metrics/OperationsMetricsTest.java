package org.proxyfund.common.metrics;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.proxyfund.ledger.LedgerMetrics;
import org.proxyfund.payout.PayoutMetrics;
import org.proxyfund.probe.history.FleetMetrics;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The operations gauges on /q/metrics say what the database says: seeded rows move them by exactly their amounts
 * (deltas, since other tests share the database).
 */
@QuarkusTest
class OperationsMetricsTest {

    @Inject
    DataSource db;
    @Inject
    PayoutMetrics payouts;
    @Inject
    LedgerMetrics ledger;
    @Inject
    FleetMetrics fleet;

    @Test
    void shouldReportOwedSatsBatchesAndEndpointsAsTheDatabaseHoldsThem() throws Exception {
        refreshAll();
        double owedBefore = metric("proxyfund_operators_owed_sats");
        double pendingBefore = metric("proxyfund_endpoints{state=\"PENDING\"}");
        long batchesInDb = scalar("SELECT count(*) FROM payout_batch WHERE state = 'PROPOSED'");

        long account = scalar("INSERT INTO account (handle, password_hash, role, state) VALUES ('metrics-' || substr(md5(random()::text), 1, 10), "
                + "repeat('x', 60), 'OPERATOR', 'APPROVED') RETURNING id");
        scalar("WITH e AS (INSERT INTO ledger_entry (kind, reference) VALUES ('SETTLEMENT', 'metrics test " + account + "') RETURNING id)"
                + " INSERT INTO ledger_line (entry_id, account, amount_sats) SELECT e.id, l.account, l.sats FROM e,"
                + " (VALUES ('donations', 12345::bigint), ('operator_payable:" + account + "', -12345::bigint)) AS l (account, sats)"
                + " RETURNING entry_id");
        scalar("INSERT INTO endpoint (account_id, type, host, port, region, protocol_fields, credential_enc, state, address_version)"
                + " VALUES (" + account + ", 'SOCKS5', 'm' || substr(md5(random()::text), 1, 12) || '.example', 1080, 'EU', '{}',"
                + " 'v1:metrics-test', 'PENDING', 1) RETURNING id");
        refreshAll();

        assertEquals(owedBefore + 12_345, metric("proxyfund_operators_owed_sats"), 0.5, "owed grows by the new payable");
        assertEquals(pendingBefore + 1, metric("proxyfund_endpoints{state=\"PENDING\"}"), 0.5, "one more pending endpoint");
        assertEquals(batchesInDb, metric("proxyfund_payout_batches{state=\"PROPOSED\"}"), 0.5, "batches as counted in the table");
        double leader = metric("proxyfund_payout_leader");
        assertEquals(true, leader == 0 || leader == 1, "the leader gauge is 0 or 1: " + leader);
    }

    @Test
    void shouldCountOnlyApprovedEndpointsAsDownOrOverdue() throws Exception {
        refreshAll();
        double downBefore = metric("proxyfund_endpoints_down");
        double overdueBefore = metric("proxyfund_endpoints_overdue");
        double approvedBefore = metric("proxyfund_endpoints{state=\"APPROVED\"}");
        long account = scalar("INSERT INTO account (handle, password_hash, role, state) VALUES ('metrics-' || substr(md5(random()::text), 1, 10), "
                + "repeat('x', 60), 'OPERATOR', 'APPROVED') RETURNING id");
        for (String state : new String[] {"APPROVED", "SUSPENDED"}) {
            long endpoint = scalar("INSERT INTO endpoint (account_id, type, host, port, region, protocol_fields, credential_enc, state,"
                    + " address_version) VALUES (" + account + ", 'SOCKS5', 'm' || substr(md5(random()::text), 1, 12) || '.example', 1080,"
                    + " 'EU', '{}', 'v1:metrics-test', '" + state + "', 1) RETURNING id");
            // Down for an hour and a check overdue by ten minutes: both count for the approved endpoint only.
            scalar("INSERT INTO check_schedule (endpoint_id, next_check_at, last_checked_at, last_status, down_since) VALUES ("
                    + endpoint + ", now() - interval '10 minutes', now() - interval '11 minutes', 'DOWN', now() - interval '1 hour')"
                    + " RETURNING endpoint_id");
        }
        refreshAll();

        assertEquals(approvedBefore + 1, metric("proxyfund_endpoints{state=\"APPROVED\"}"), 0.5, "one more approved endpoint");
        assertEquals(downBefore + 1, metric("proxyfund_endpoints_down"), 0.5, "the suspended endpoint's DOWN is not counted");
        assertEquals(overdueBefore + 1, metric("proxyfund_endpoints_overdue"), 0.5, "the suspended endpoint is never overdue");
    }

    private void refreshAll() {
        payouts.refresh();
        ledger.refresh();
        fleet.refresh();
    }

    private static double metric(String series) {
        String body = org.proxyfund.common.testing.Management.given().get("/q/metrics").then().statusCode(200).extract().asString();
        return body.lines().filter(l -> l.startsWith(series + " ") || l.startsWith(series.replace("}", ",") ))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError(series + " is not on /q/metrics"));
    }

    private long scalar(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
