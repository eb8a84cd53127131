package org.proxyfund.settlement;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.proxyfund.ledger.LedgerService;

import org.proxyfund.common.db.RowMapper;
import org.proxyfund.common.db.Sql;

import javax.sql.DataSource;




import java.time.Instant;
import java.time.ZoneOffset;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test data for settlement, written with SQL as the other features would have written it: operators in a given
 * state with or without a proven payout address, endpoints, hourly rollups, and funds in the ledger. {@link #cleanUp}
 * reverses the ledger entries the tests made and removes their settlements, so every test starts from no settlement.
 */
final class SettlementFixtures {

    private static final AtomicInteger PORT = new AtomicInteger(20_000);

    private SettlementFixtures() {
    }

    /** An operator account in {@code state} (APPROVED, PENDING, SUSPENDED), with a proven payout address if asked. */
    static long operator(DataSource ds, String state, boolean proven) {
        String handle = "st-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000000, 0x7fffffff));
        long id = scalar(ds, "INSERT INTO account (handle, password_hash, role, state) VALUES (?, ?, 'OPERATOR', ?) RETURNING id",
                handle, "x".repeat(60), state);
        exec(ds, "INSERT INTO payout_address (account_id, address, address_type, challenge, state, proof_format, proven_at)"
                        + " VALUES (?, ?, 'P2WPKH', ?, ?, ?, ?)", id, org.proxyfund.payout.PayoutTestData.someAddress(),
                "challenge for " + handle + " ......", proven ? "PROVEN" : "UNPROVEN", proven ? "BIP137" : null,
                proven ? java.time.OffsetDateTime.now(ZoneOffset.UTC) : null);
        return id;
    }

    static String handle(DataSource ds, long accountId) {
        return query(ds, "SELECT handle FROM account WHERE id = ?", rs -> rs.getString(1), accountId).get(0);
    }

    /** An approved endpoint of {@code type} in {@code region}; returns its id. */
    static long endpoint(DataSource ds, long accountId, String type, String region) {
        return scalar(ds, "INSERT INTO endpoint (account_id, type, label, host, port, region, protocol_fields, credential_enc, state,"
                        + " address_version) VALUES (?, ?, ?, ?, ?, ?, '{}', 'v1:x', 'APPROVED', 1) RETURNING id",
                accountId, type, "ep " + type, "settle-" + PORT.incrementAndGet() + ".example", 443, region);
    }

    /** One hourly rollup of an endpoint. */
    static void rollup(DataSource ds, long endpointId, Instant hour, int up, int down, int weakUp) {
        exec(ds, "INSERT INTO check_rollup_hourly (endpoint_id, hour_start, up_count, down_count, unknown_count, weak_up_count)"
                + " VALUES (?, ?, ?, ?, 3, ?)", endpointId, hour.atOffset(ZoneOffset.UTC), up, down, weakUp);
    }

    /** Every hour of an epoch with the same counts. */
    static void week(DataSource ds, long endpointId, Epoch epoch, int up, int down, int weakUp) {
        exec(ds, "INSERT INTO check_rollup_hourly (endpoint_id, hour_start, up_count, down_count, unknown_count, weak_up_count)"
                        + " SELECT ?, h, ?, ?, 1, ? FROM generate_series(?::timestamptz, ?::timestamptz - interval '1 hour', interval '1 hour') h",
                endpointId, up, down, weakUp, epoch.start().atOffset(ZoneOffset.UTC), epoch.end().atOffset(ZoneOffset.UTC));
    }

    /** Books funds into the ledger's wallet account as a confirmed donation would. */
    static void fund(LedgerService ledger, long sats) {
        QuarkusTransaction.requiringNew().run(() -> ledger.postDonationConfirmed("test-settle-fund", sats));
    }

    /** Reverses the test's ledger entries (funds, settlements), deletes settlements, holds and the test's endpoints. */
    static void cleanUp(DataSource ds, LedgerService ledger) {
        List<Long> entries = query(ds, "SELECT id FROM ledger_entry e WHERE (e.kind = 'SETTLEMENT' OR e.reference = 'test-settle-fund')"
                + " AND NOT EXISTS (SELECT 1 FROM ledger_entry r WHERE r.reverses_id = e.id)", rs -> rs.getLong(1));
        QuarkusTransaction.requiringNew().run(() -> entries.forEach(id -> ledger.reverse(id, "settlement test clean-up")));
        exec(ds, "DELETE FROM settlement");
        exec(ds, "UPDATE operator_hold SET released_at = now(), released_by = opened_by WHERE released_at IS NULL");
        exec(ds, "DELETE FROM endpoint WHERE host LIKE 'settle-%.example'");
    }

    static <T> List<T> query(DataSource ds, String sql, RowMapper<T> mapper, Object... params) {
        return new Sql(ds).query(sql, mapper, params);
    }

    static long scalar(DataSource ds, String sql, Object... params) {
        return query(ds, sql, rs -> rs.getLong(1), params).get(0);
    }

    static void exec(DataSource ds, String sql, Object... params) {
        new Sql(ds).update(sql, params);
    }
}
