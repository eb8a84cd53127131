package org.proxyfund.settlement;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.proxyfund.ledger.LedgerService;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proxyfund.settlement.SettlementFixtures.*;

/**
 * Times {@code settle(epoch)} end to end (inputs query, arithmetic, storing 100,000 endpoint lines, ledger entry) on
 * 100,000 endpoints of 25,000 operators with 7 days of hourly rollups (16.8 million rows, generated in SQL), against
 * same-run baselines: a plain count of those rows, the old aggregation of all hourly rows and the inputs query alone
 * (whole days from {@code check_rollup_daily}). Prints the figures; asserts only
 * correctness. {@code ./mvnw -Pbench test -Dtest=SettlementBenchmark}.
 */
@QuarkusTest
@Tag("benchmark")
class SettlementBenchmark {

    static final int OPERATORS = 25_000;
    static final int ENDPOINTS = 100_000;

    @Inject
    SettlementService service;

    @Inject
    EpochInputs repo;

    @Inject
    LedgerService ledger;

    @Inject
    DataSource ds;

    @Test
    void shouldSettleOneHundredThousandEndpointsOfAWeek() {
        cleanUp(ds, ledger);
        Epoch epoch = service.calendar().epochContaining(Instant.parse("2025-10-08T00:00:00Z"));
        long t0 = System.nanoTime();
        exec(ds, "INSERT INTO account (handle, password_hash, role, state) SELECT 'bench-' || g, repeat('x', 60), 'OPERATOR',"
                + " CASE WHEN g % 50 = 0 THEN 'PENDING' ELSE 'APPROVED' END FROM generate_series(1, " + OPERATORS + ") g");
        exec(ds, "INSERT INTO payout_address (account_id, address, address_type, challenge, state, proof_format, proven_at)"
                + " SELECT id, 'bcrt1qbench' || id || 'xxxxxxxx', 'P2WPKH', 'bench challenge text ' || id || ' .....',"
                + " CASE WHEN id % 40 = 0 THEN 'UNPROVEN' ELSE 'PROVEN' END, CASE WHEN id % 40 = 0 THEN NULL ELSE 'BIP137' END,"
                + " CASE WHEN id % 40 = 0 THEN NULL ELSE now() END FROM account WHERE handle LIKE 'bench-%'");
        exec(ds, "INSERT INTO endpoint (account_id, type, label, host, port, region, protocol_fields, credential_enc, state, address_version)"
                + " SELECT a.id, (ARRAY['SOCKS5','MTPROTO','SHADOWSOCKS','WIREGUARD','OPENVPN','HTTP_CONNECT'])[g % 6 + 1], 'bench ' || g,"
                + " 'settle-bench-' || g || '.example', 443, (ARRAY['IR','RU','CN','TM','BY'])[g % 5 + 1], '{}', 'v1:x', 'SUSPENDED', 1"
                + " FROM generate_series(1, " + ENDPOINTS + ") g JOIN account a ON a.handle = 'bench-' || (g % " + OPERATORS + " + 1)");
        // up+down per hour 57..60 (a few UNKNOWN), a down hour now and then, some endpoints mostly down; WireGuard/OpenVPN weak
        exec(ds, "INSERT INTO check_rollup_hourly (endpoint_id, hour_start, up_count, down_count, unknown_count, weak_up_count)"
                + " SELECT e.id, h, u.up, u.down, 60 - u.up - u.down, CASE WHEN e.type IN ('WIREGUARD', 'OPENVPN') THEN u.up ELSE 0 END"
                + " FROM endpoint e CROSS JOIN generate_series(?::timestamptz, ?::timestamptz - interval '1 hour', interval '1 hour') h"
                + " CROSS JOIN LATERAL (SELECT CASE WHEN e.id % 17 = 0 OR (e.id * 31 + extract(epoch FROM h)::bigint / 3600) % 23 = 0"
                + "   THEN 0 ELSE 57 + (e.id + extract(epoch FROM h)::bigint / 3600) % 4 END AS up,"
                + "   CASE WHEN e.id % 17 = 0 OR (e.id * 31 + extract(epoch FROM h)::bigint / 3600) % 23 = 0 THEN 58 ELSE 0 END AS down) u"
                + " WHERE e.host LIKE 'settle-bench-%'", epoch.start().atOffset(ZoneOffset.UTC), epoch.end().atOffset(ZoneOffset.UTC));
        // VACUUM, not only ANALYZE: otherwise autovacuum's pass over 16.8 M fresh rows (and the first reads setting
        // their hint bits) runs during the timed part; in production a week's rollups were vacuumed as they came
        exec(ds, "VACUUM (ANALYZE) account, endpoint, check_rollup_hourly, check_rollup_daily");
        exec(ds, "CHECKPOINT");
        long rows = scalar(ds, "SELECT count(*) FROM check_rollup_hourly WHERE hour_start >= ? AND hour_start < ?",
                epoch.start().atOffset(ZoneOffset.UTC), epoch.end().atOffset(ZoneOffset.UTC));
        System.out.printf("[settle-bench] loaded %,d rollup rows of %,d endpoints in %d s%n", rows, ENDPOINTS, (System.nanoTime() - t0) / 1_000_000_000);
        assertEquals(168L * ENDPOINTS, rows);
        fund(ledger, 2_000_000_000L);

        for (int run = 1; run <= 2; run++) {
            long s = System.nanoTime();
            scalar(ds, "SELECT count(*) FROM check_rollup_hourly WHERE hour_start >= ? AND hour_start < ?",
                    epoch.start().atOffset(ZoneOffset.UTC), epoch.end().atOffset(ZoneOffset.UTC));
            long countMs = (System.nanoTime() - s) / 1_000_000;
            s = System.nanoTime();
            Set<List<Long>> hourly = hourlyAggregation(epoch);
            long hourlyMs = (System.nanoTime() - s) / 1_000_000;
            s = System.nanoTime();
            // in a transaction as in settle(), so that the query's SET LOCAL work_mem applies
            Set<List<Long>> inputs = QuarkusTransaction.requiringNew().call(() -> repo.inputs(epoch).stream()
                    .map(i -> List.of(i.endpointId(), i.operatorId(), i.up(), i.down(), i.weakUp())).collect(Collectors.toSet()));
            long queryMs = (System.nanoTime() - s) / 1_000_000;
            System.out.printf("[settle-bench] baseline run %d: count(*) of the epoch's rows %d ms, old aggregation of the hourly"
                    + " rows %d ms (%,d endpoints), aggregation query alone (daily sums) %d ms (%,d endpoints)%n",
                    run, countMs, hourlyMs, hourly.size(), queryMs, inputs.size());
            assertEquals(hourly, inputs, "the daily sums must give exactly what the hourly rows give");
        }
        // Same-run comparison of the inputs read: the single query that joined probe's rollups with endpoint (before
        // each table had one owner) against the owners' two typed reads composed by EpochInputs, alternated so that a
        // change of load on the machine hits both alike; they must read the same rows.
        long joinedMs = 0;
        long composedMs = 0;
        for (int round = 1; round <= 3; round++) {
            long t = System.nanoTime();
            Set<List<Object>> joined = joinedInputs(epoch);
            long j = (System.nanoTime() - t) / 1_000_000;
            t = System.nanoTime();
            Set<List<Object>> composed = QuarkusTransaction.requiringNew().call(() -> repo.inputs(epoch).stream()
                    .map(i -> List.<Object>of(i.endpointId(), i.operatorId(), i.protocol(), String.valueOf(i.region()), i.up(),
                            i.down(), i.weakUp(), i.unknown(), String.valueOf(i.firstRecorded()), String.valueOf(i.retiredAt())))
                    .collect(Collectors.toSet()));
            long c = (System.nanoTime() - t) / 1_000_000;
            assertEquals(joined, composed, "the owners' reads must give exactly what the joined query gave");
            System.out.printf("[settle-bench] inputs round %d: joined query (before) %d ms, owners' reads (now) %d ms%n", round, j, c);
            if (round > 1) {
                joinedMs += j;
                composedMs += c;
            }
        }
        System.out.printf("[settle-bench] inputs, rounds 2-3: joined %d ms, owners' reads %d ms, ratio %.2f%n", joinedMs,
                composedMs, (double) composedMs / joinedMs);
        long s = System.nanoTime();
        SettleResult r = service.settle(epoch);
        long settleMs = (System.nanoTime() - s) / 1_000_000;
        assertEquals(SettleResult.Status.CREATED, r.status());
        Settlement st = r.settlement();
        System.out.printf("[settle-bench] settle(%s) end to end: %d ms; %,d endpoints, %,d operators paid %,d sats, %d carried%n",
                epoch.key(), settleMs, st.endpointCount(), st.paidCount(), st.distributedSats(), st.carriedOutSats());
        assertEquals(ENDPOINTS, st.endpointCount());
        assertTrue(st.paidCount() > OPERATORS / 2);
        assertEquals(0, ledger.total());
        assertEquals(st.distributedSats(), scalar(ds, "SELECT sum(amount_sats) FROM settlement_share WHERE settlement_id = ?", st.id()));
        assertEquals(st.distributedSats(), scalar(ds, "SELECT -sum(amount_sats) FROM ledger_line WHERE entry_id = ?"
                + " AND account LIKE 'operator_payable:%'", st.ledgerEntryId()));
        s = System.nanoTime();
        assertEquals(SettleResult.Status.EXISTING, service.settle(epoch).status());
        System.out.printf("[settle-bench] second settle(%s): %d ms (found)%n", epoch.key(), (System.nanoTime() - s) / 1_000_000);

        cleanUp(ds, ledger);
        exec(ds, "DELETE FROM payout_address WHERE account_id IN (SELECT id FROM account WHERE handle LIKE 'bench-%')");
        exec(ds, "DELETE FROM account WHERE handle LIKE 'bench-%'");
    }

    /** The inputs query as it was before each table had one owner: rollups joined with endpoint in one statement. */
    private Set<List<Object>> joinedInputs(Epoch epoch) {
        org.proxyfund.probe.history.RollupRanges r = org.proxyfund.probe.history.RollupRanges.of(epoch.start(), epoch.end());
        return QuarkusTransaction.requiringNew().call(() -> {
            exec(ds, "SET LOCAL work_mem = '128MB'");
            return new HashSet<>(query(ds, """
                    SELECT e.id, e.account_id, e.type, e.region, (coalesce(d.up, 0) + coalesce(h.up, 0))::bigint,
                           (coalesce(d.down, 0) + coalesce(h.down, 0))::bigint, (coalesce(d.weak, 0) + coalesce(h.weak, 0))::bigint,
                           (coalesce(d.unknown, 0) + coalesce(h.unknown, 0))::bigint,
                           least(h.first, CASE WHEN d.first_hours = 24 THEN d.first_day ELSE
                               (SELECT min(x.hour_start) FROM check_rollup_hourly x WHERE x.endpoint_id = e.id
                                  AND x.hour_start >= d.first_day AND x.hour_start < d.first_day + interval '1 day') END),
                           e.retired_at
                    FROM (SELECT endpoint_id, sum(up_count) AS up, sum(down_count) AS down, sum(weak_up_count) AS weak,
                                 sum(unknown_count) AS unknown, min(day_start) AS first_day,
                                 (array_agg(hour_count ORDER BY day_start))[1] AS first_hours
                          FROM check_rollup_daily WHERE day_start >= ? AND day_start < ? GROUP BY endpoint_id) d
                    FULL JOIN (SELECT endpoint_id, sum(up_count) AS up, sum(down_count) AS down, sum(weak_up_count) AS weak,
                                      sum(unknown_count) AS unknown, min(hour_start) AS first
                               FROM check_rollup_hourly WHERE (hour_start >= ? AND hour_start < ?) OR (hour_start >= ? AND hour_start < ?)
                               GROUP BY endpoint_id) h USING (endpoint_id)
                    JOIN endpoint e ON e.id = endpoint_id""", rs -> {
                        java.time.OffsetDateTime first = rs.getObject(9, java.time.OffsetDateTime.class);
                        java.time.OffsetDateTime retired = rs.getObject(10, java.time.OffsetDateTime.class);
                        return List.<Object>of(rs.getLong(1), rs.getLong(2), rs.getString(3), String.valueOf(rs.getString(4)),
                                rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8),
                                String.valueOf(first == null ? null : first.toInstant()),
                                String.valueOf(retired == null ? null : retired.toInstant()));
                    }, r.dayFrom(), r.dayTo(), r.start(), r.dayFrom(), r.dayTo(), r.end()));
        });
    }

    /** The inputs query as it was before the daily sums: all 168 hourly rows per endpoint grouped (same-run baseline). */
    private Set<List<Long>> hourlyAggregation(Epoch epoch) {
        return QuarkusTransaction.requiringNew().call(() -> {
            exec(ds, "SET LOCAL work_mem = '128MB'");
            return new HashSet<>(query(ds, """
                    SELECT e.id, e.account_id, e.type, e.region, r.up, r.down, r.weak FROM (
                        SELECT endpoint_id, sum(up_count) AS up, sum(down_count) AS down, sum(weak_up_count) AS weak
                        FROM check_rollup_hourly WHERE hour_start >= ? AND hour_start < ? GROUP BY endpoint_id) r
                    JOIN endpoint e ON e.id = r.endpoint_id""",
                    rs -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(5), rs.getLong(6), rs.getLong(7)),
                    epoch.start().atOffset(ZoneOffset.UTC), epoch.end().atOffset(ZoneOffset.UTC)));
        });
    }
}
