package org.proxyfund.settlement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.postgresql.PGConnection;
import org.proxyfund.common.db.Sql;

import javax.sql.DataSource;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * SQL of the settlement writer: the replica-wide lock, the chain of settlements and the stored result (children by
 * COPY); the epoch's inputs come from their owners through {@link EpochInputs}. Runs inside the caller's transaction (same pooled connection).
 */
@ApplicationScoped
class SettlementRepository {

    /** Advisory lock key shared by every replica: settlements are one chain (each carries the previous remainder). */
    static final long LOCK_KEY = 0x5e771e_0006L;

    static final String COLUMNS = "id, epoch_key, epoch_start, epoch_end, computed_at, budget_mode, budget_limit,"
            + " balance_sats, reserve_sats, owed_sats, carried_in_sats, available_sats, asked_sats, budget_sats, pool_sats,"
            + " distributed_sats, carried_out_sats, rules, endpoint_count, paid_count, ledger_entry_id";

    @Inject
    DataSource ds;

    @Inject
    Sql sql;

    /** Waits for the settlement lock; released at the end of the transaction. */
    void lock() {
        sql.query("SELECT pg_advisory_xact_lock(?)", rs -> null, LOCK_KEY);
    }

    Optional<Settlement> byKey(String key) {
        return one("SELECT " + COLUMNS + " FROM settlement WHERE epoch_key = ?", key);
    }

    Optional<Settlement> latest() {
        return one("SELECT " + COLUMNS + " FROM settlement ORDER BY epoch_start DESC LIMIT 1");
    }

    /** The settlement just before {@code start}: its carried-out remainder is this epoch's carried-in. */
    Optional<Settlement> latestBefore(Instant start) {
        return one("SELECT " + COLUMNS + " FROM settlement WHERE epoch_start < ? ORDER BY epoch_start DESC LIMIT 1", utc(start));
    }

    /** Stores the settlement row; returns its id. */
    long insert(Epoch epoch, String mode, Budget b, long pool, long distributed, long carriedOut, String rules,
            int endpoints, int paid, Long ledgerEntryId) {
        String insert = "INSERT INTO settlement (epoch_key, epoch_start, epoch_end, budget_mode, budget_limit, balance_sats,"
                + " reserve_sats, owed_sats, carried_in_sats, available_sats, asked_sats, budget_sats, pool_sats, distributed_sats,"
                + " carried_out_sats, rules, endpoint_count, paid_count, ledger_entry_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
        Object[] p = {epoch.key(), utc(epoch.start()), utc(epoch.end()), mode, b.limit().name(), b.confirmedBalanceSats(),
                b.reserveSats(), b.owedSats(), b.carriedSats(), b.availableSats(), b.policySats(), b.amountSats(), pool,
                distributed, carriedOut, rules, endpoints, paid, ledgerEntryId};
        return sql.one(insert, rs -> rs.getLong(1), p).orElseThrow();
    }

    /** Bulk-loads tab-separated lines into a child table with COPY (100,000 endpoint lines in a fraction of a second). */
    void copy(String tableAndColumns, CharSequence lines) {
        if (lines.isEmpty()) {
            return;
        }
        try (Connection c = ds.getConnection()) {
            c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + tableAndColumns + " FROM STDIN", new StringReader(lines.toString()));
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("storing " + tableAndColumns + " failed", e);
        }
    }

    private Optional<Settlement> one(String query, Object... params) {
        return sql.one(query, SettlementRepository::settlement, params);
    }

    static Settlement settlement(ResultSet rs) throws SQLException {
        return new Settlement(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class), rs.getString(6),
                rs.getString(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12),
                rs.getLong(13), rs.getLong(14), rs.getLong(15), rs.getLong(16), rs.getLong(17), rs.getString(18),
                rs.getInt(19), rs.getInt(20), rs.getObject(21, Long.class));
    }

    static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
