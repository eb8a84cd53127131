package org.proxyfund.settlement;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proxyfund.common.testing.OwnSettingsProfile;
import org.proxyfund.ledger.LedgerService;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proxyfund.settlement.SettlementFixtures.*;

/**
 * Settlement with the production coverage floor (50 % of the checks the schedule expected, one a minute): the
 * trickling impostor's 2 UP over an epoch that expected 10,080 checks earn nothing, while an honest endpoint, one
 * whose monitor was impaired most of the week (UNKNOWN) and one approved a day before the epoch's end are paid.
 */
@QuarkusTest
@TestProfile(OwnSettingsProfile.class)
class SettlementCoverageTest {

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
    void shouldPayNothingForTwoUpOverAnEpochThatExpectedThousandsAndNotCountUnknownAgainstTheOperator() {
        Epoch e = service.calendar().epochContaining(Instant.parse("2025-05-07T12:00:00Z"));
        long cheat = operator(ds, "APPROVED", true);
        long honest = operator(ds, "APPROVED", true);
        long trickler = endpoint(ds, cheat, "SOCKS5", "IR");
        hours(trickler, e.start(), 1, 2, 0, 0);
        long steady = endpoint(ds, honest, "SOCKS5", "IR");
        hours(steady, e.start(), 168, 58, 2, 0);
        long impaired = endpoint(ds, honest, "SOCKS5", "IR");
        hours(impaired, e.start(), 168, 2, 0, 58);
        long late = endpoint(ds, honest, "SOCKS5", "IR");
        hours(late, e.end().minus(Duration.ofDays(1)), 24, 60, 0, 0);
        long stalledLate = endpoint(ds, honest, "SOCKS5", "IR");
        hours(stalledLate, e.start(), 168, 20, 0, 0);

        SettleResult r = service.settle(e);

        assertEquals(SettleResult.Status.CREATED, r.status(), r.message());
        long id = r.settlement().id();
        assertEquals("LOW_COVERAGE", outcome(id, trickler), "2 UP, 0 DOWN of 10,080 expected");
        assertEquals(10_080L, expected(id, trickler));
        assertEquals(0L, payable(cheat), "the trickler's operator earns nothing");
        assertEquals("COUNTED", outcome(id, steady));
        assertEquals("COUNTED", outcome(id, impaired), "UNKNOWN checks (monitor impaired) are not owed by the operator");
        assertEquals(168L * 58, scalar(ds, "SELECT unknown_count FROM settlement_endpoint WHERE settlement_id = ? AND endpoint_id = ?",
                id, impaired));
        assertEquals("COUNTED", outcome(id, late), "expected from its first recorded check, not the epoch's start");
        assertEquals(1_440L, expected(id, late));
        assertEquals("LOW_COVERAGE", outcome(id, stalledLate), "a third of the checks recorded, UP every time");
        assertTrue(payable(honest) > 0);
        assertEquals(r.settlement().distributedSats(), payable(honest), "the whole pool goes to the covered endpoints");
    }

    @Test
    void shouldNeverLetExcusedMaintenanceMakeAnEndpointFallShortOfCoverage() {
        Epoch e = service.calendar().epochContaining(Instant.parse("2025-05-21T12:00:00Z"));
        long op = operator(ds, "APPROVED", true);
        long half = endpoint(ds, op, "SOCKS5", "IR");
        // 84 of the epoch's 168 hours recorded: exactly the 50 % floor; the last 4 of them DOWN inside a declared window.
        hours(half, e.start(), 80, 60, 0, 0);
        hours(half, e.start().plus(Duration.ofHours(80)), 4, 0, 60, 0);
        exec(ds, "INSERT INTO maintenance_window (endpoint_id, starts_at, ends_at, declared_at) VALUES (?, ?, ?, ?)", half,
                e.start().plus(Duration.ofHours(80)).atOffset(ZoneOffset.UTC), e.start().plus(Duration.ofHours(84)).atOffset(ZoneOffset.UTC),
                e.start().minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC));

        SettleResult r = service.settle(e);

        assertEquals(SettleResult.Status.CREATED, r.status(), r.message());
        assertEquals("COUNTED", outcome(r.settlement().id(), half), "the excused checks were recorded: coverage still counts them");
        assertEquals(240L, scalar(ds, "SELECT maintenance_excluded_count FROM settlement_endpoint WHERE settlement_id = ? AND endpoint_id = ?",
                r.settlement().id(), half));
        assertEquals(r.settlement().distributedSats(), payable(op));
    }

    /** {@code count} hours of rollups from {@code from}, each with these counts. */
    private void hours(long endpoint, Instant from, int count, int up, int down, int unknown) {
        exec(ds, "INSERT INTO check_rollup_hourly (endpoint_id, hour_start, up_count, down_count, unknown_count, weak_up_count)"
                        + " SELECT ?, h, ?, ?, ?, 0 FROM generate_series(?::timestamptz, ?::timestamptz, interval '1 hour') h",
                endpoint, up, down, unknown, from.atOffset(ZoneOffset.UTC), from.plus(Duration.ofHours(count - 1)).atOffset(ZoneOffset.UTC));
    }

    private String outcome(long settlementId, long endpointId) {
        return query(ds, "SELECT outcome FROM settlement_endpoint WHERE settlement_id = ? AND endpoint_id = ?",
                rs -> rs.getString(1), settlementId, endpointId).get(0);
    }

    private long expected(long settlementId, long endpointId) {
        return scalar(ds, "SELECT expected_count FROM settlement_endpoint WHERE settlement_id = ? AND endpoint_id = ?", settlementId, endpointId);
    }

    private long payable(long operatorId) {
        return -ledger.balances().getOrDefault(org.proxyfund.ledger.LedgerAccount.operatorPayable(operatorId).name(), 0L);
    }
}
