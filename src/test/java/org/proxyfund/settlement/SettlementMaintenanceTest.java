package org.proxyfund.settlement;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proxyfund.ledger.LedgerAccount;
import org.proxyfund.ledger.LedgerService;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proxyfund.settlement.SettlementFixtures.cleanUp;
import static org.proxyfund.settlement.SettlementFixtures.endpoint;
import static org.proxyfund.settlement.SettlementFixtures.exec;
import static org.proxyfund.settlement.SettlementFixtures.fund;
import static org.proxyfund.settlement.SettlementFixtures.operator;
import static org.proxyfund.settlement.SettlementFixtures.scalar;
import static org.proxyfund.settlement.SettlementFixtures.week;

/**
 * Declared maintenance through a whole settlement (default allowance 4 h = 240 checks of a minute): an outage inside a
 * window within the allowance earns exactly what an endpoint without any outage earns; beyond it the excess counts;
 * the same outage without a window, or in a window cancelled before it started, counts whole; and a window cannot be
 * written for time already past.
 */
@QuarkusTest
class SettlementMaintenanceTest {

    @Inject
    SettlementService service;
    @Inject
    LedgerService ledger;
    @Inject
    DataSource ds;

    @BeforeEach
    void setUp() {
        cleanUp(ds, ledger);
        fund(ledger, 50_000_000L);
    }

    @AfterEach
    void tearDown() {
        cleanUp(ds, ledger);
    }

    @Test
    void shouldExcuseAnOutageInsideADeclaredWindowUpToTheAllowanceAndCountTheRest() {
        Epoch e = service.calendar().epochContaining(Instant.parse("2025-06-11T12:00:00Z"));
        Instant declared = e.start().minus(Duration.ofDays(2));
        long steady = endpointOf("steady");
        long planned = endpointOf("planned");
        long overlong = endpointOf("overlong");
        long unplanned = endpointOf("unplanned");
        long withdrawn = endpointOf("withdrawn");
        for (long id : new long[]{steady, planned, overlong, unplanned, withdrawn}) {
            week(ds, id, e, 60, 0, 0);
        }
        outage(planned, e.start().plus(Duration.ofHours(30)), 3);
        window(planned, e.start().plus(Duration.ofHours(29)), 5, declared, null);       // 180 DOWN inside, within 240
        outage(overlong, e.start().plus(Duration.ofHours(50)), 6);
        window(overlong, e.start().plus(Duration.ofHours(50)), 3, declared, null);      // two overlapping windows:
        window(overlong, e.start().plus(Duration.ofHours(51)), 5, declared, null);      // hours counted once (360)
        outage(unplanned, e.start().plus(Duration.ofHours(30)), 3);
        outage(withdrawn, e.start().plus(Duration.ofHours(30)), 3);
        window(withdrawn, e.start().plus(Duration.ofHours(30)), 3, declared, declared.plus(Duration.ofHours(1)));

        // A window for hours already past is refused by the database itself, whoever writes it.
        assertThrows(RuntimeException.class, () -> exec(ds, "INSERT INTO maintenance_window (endpoint_id, starts_at, ends_at)"
                + " VALUES (?, date_trunc('hour', now()) - interval '2 hours', date_trunc('hour', now()))", unplanned));

        SettleResult r = service.settle(e);
        assertEquals(SettleResult.Status.CREATED, r.status(), r.message());
        long id = r.settlement().id();
        assertEquals(180, column(id, planned, "down_count"));
        assertEquals(180, column(id, planned, "maintenance_excluded_count"), "the whole outage fits the allowance");
        assertEquals(360, column(id, overlong, "down_count"));
        assertEquals(240, column(id, overlong, "maintenance_excluded_count"), "at most the allowance: 4 h of one-minute checks");
        assertEquals(0, column(id, unplanned, "maintenance_excluded_count"), "no window, no excuse");
        assertEquals(0, column(id, withdrawn, "maintenance_excluded_count"), "a window cancelled before it started excuses nothing");
        assertEquals(0, column(id, steady, "maintenance_excluded_count"));

        long paidSteady = payable(steady);
        assertTrue(paidSteady > 0);
        assertEquals(paidSteady, payable(planned), "within the allowance the outage changes nothing");
        assertTrue(payable(overlong) < paidSteady, "beyond the allowance the rest counts");
        assertTrue(payable(unplanned) < paidSteady, "an undeclared outage counts");
        assertEquals(payable(unplanned), payable(withdrawn), "a withdrawn window is as if never declared");
        assertTrue(r.settlement().rules().replace(" ", "").contains("\"maintenanceAllowanceChecks\":240"), r.settlement().rules());
    }

    private long endpointOf(String name) {
        return endpoint(ds, operator(ds, "APPROVED", true), "SOCKS5", "IR");
    }

    /** {@code hours} hours from {@code from} with every check DOWN. */
    private void outage(long endpointId, Instant from, int hours) {
        exec(ds, "UPDATE check_rollup_hourly SET up_count = 0, down_count = 60 WHERE endpoint_id = ? AND hour_start >= ?"
                + " AND hour_start < ?", endpointId, from.atOffset(ZoneOffset.UTC), from.plus(Duration.ofHours(hours)).atOffset(ZoneOffset.UTC));
    }

    /** A window declared at {@code declaredAt} (and cancelled at {@code cancelledAt} unless null). */
    private void window(long endpointId, Instant from, int hours, Instant declaredAt, Instant cancelledAt) {
        exec(ds, "INSERT INTO maintenance_window (endpoint_id, starts_at, ends_at, declared_at, cancelled_at) VALUES (?, ?, ?, ?, ?)",
                endpointId, from.atOffset(ZoneOffset.UTC), from.plus(Duration.ofHours(hours)).atOffset(ZoneOffset.UTC),
                declaredAt.atOffset(ZoneOffset.UTC), cancelledAt == null ? null : cancelledAt.atOffset(ZoneOffset.UTC));
    }

    private long column(long settlementId, long endpointId, String column) {
        return scalar(ds, "SELECT " + column + " FROM settlement_endpoint WHERE settlement_id = ? AND endpoint_id = ?", settlementId, endpointId);
    }

    private long payable(long endpointId) {
        long operatorId = scalar(ds, "SELECT account_id FROM endpoint WHERE id = ?", endpointId);
        return -ledger.balances().getOrDefault(LedgerAccount.operatorPayable(operatorId).name(), 0L);
    }
}
