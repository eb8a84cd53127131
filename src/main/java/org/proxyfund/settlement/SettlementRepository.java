package org.proxyfund.settlement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.postgresql.PGConnection;

import javax.sql.DataSource;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SQL of the settlement writer: the replica-wide lock, the chain of settlements, the epoch's inputs in one grouped
 * query, and the stored result (children by COPY). Runs inside the caller's transaction (same pooled connection).
 */
@ApplicationScoped
public class SettlementRepository {

    /** Advisory lock key shared by every replica: settlements are one chain (each carries the previous remainder). */
    static final long LOCK_KEY = 0x5e771e_0006L;

    static final String COLUMNS = "id, epoch_key, epoch_start, epoch_end, computed_at, budget_mode, budget_limit,"
            + " balance_sats, reserve_sats, owed_sats, carried_in_sats, available_sats, asked_sats, budget_sats, pool_sats,"
            + " distributed_sats, carried_out_sats, rules, endpoint_count, paid_count, ledger_entry_id";

    /**
     * One endpoint's counts summed over an epoch, with what settlement needs to know of it: its UNKNOWN checks and the
     * span the schedule was checking it (from its first recorded hour, to the epoch's end or its retirement).
     */
    record InputRow(long endpointId, long operatorId, String protocol, String region, long up, long down, long weakUp,
            long unknown, Instant firstRecorded, Instant retiredAt) {
    }

    @Inject
    DataSource ds;

    /** Waits for the settlement lock; released at the end of the transaction. */
    void lock() {
        run("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
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

    /**
     * Every endpoint with rollups in [start, end): UP, DOWN and weak UP summed (already merged across monitors by the
     * rollup), with its operator, type and region. The whole UTC days come from the daily sums (7 rows per endpoint
     * and week instead of 168), the partial days at the edges from the hours ({@link RollupRanges}); one query.
     * UNKNOWN checks are summed for the coverage rule only. The first recorded hour: the earliest hour row of the edges,
     * or the first whole day's start when all its 24 hours have rows, else that day's earliest hour row (one index
     * probe, only for endpoints whose first day is partial).
     *
     * <p>Each source is summed on its own and the two joined, rather than grouping their UNION ALL: over a UNION ALL
     * the planner cannot estimate the groups (it assumes 200) and joins the endpoints by 100,000 index probes; this way
     * it knows there are ~100,000 and hash-joins them (measured 20-25 % faster on a week of 100,000 endpoints).
     */
    List<InputRow> inputs(Epoch epoch) {
        String sql = """
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
                JOIN endpoint e ON e.id = endpoint_id""";
        RollupRanges ranges = RollupRanges.of(epoch);
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            // 100,000 groups of sums outgrow the default 4 MB work_mem: the hash aggregate would spill to disk
            try (PreparedStatement mem = c.prepareStatement("SET LOCAL work_mem = '128MB'")) {
                mem.execute();
            }
            Instant[] bounds = {ranges.dayFrom(), ranges.dayTo(), ranges.start(), ranges.dayFrom(), ranges.dayTo(), ranges.end()};
            for (int i = 0; i < bounds.length; i++) {
                ps.setObject(i + 1, utc(bounds[i]));
            }
            ps.setFetchSize(10_000);
            List<InputRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    OffsetDateTime first = rs.getObject(9, OffsetDateTime.class);
                    OffsetDateTime retired = rs.getObject(10, OffsetDateTime.class);
                    rows.add(new InputRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                            rs.getLong(6), rs.getLong(7), rs.getLong(8), first == null ? null : first.toInstant(),
                            retired == null ? null : retired.toInstant()));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the settlement inputs of " + epoch.key() + " failed", e);
        }
    }

    /** Approved, payout address proven, and open hold, of each of these operators (as settlement time sees them). */
    Map<Long, OperatorEligibility> eligibility(Long[] operatorIds) {
        String sql = """
                SELECT a.id, a.state = 'APPROVED',
                       EXISTS (SELECT 1 FROM payout_address p WHERE p.account_id = a.id AND p.state = 'PROVEN'),
                       EXISTS (SELECT 1 FROM operator_hold h WHERE h.account_id = a.id AND h.released_at IS NULL)
                FROM account a WHERE a.id = ANY (?)""";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("bigint", operatorIds));
            Map<Long, OperatorEligibility> out = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), new OperatorEligibility(rs.getLong(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("reading operators' eligibility failed", e);
        }
    }

    /** Stores the settlement row; returns its id. */
    long insert(Epoch epoch, String mode, Budget b, long pool, long distributed, long carriedOut, String rules,
            int endpoints, int paid, Long ledgerEntryId) {
        String sql = "INSERT INTO settlement (epoch_key, epoch_start, epoch_end, budget_mode, budget_limit, balance_sats,"
                + " reserve_sats, owed_sats, carried_in_sats, available_sats, asked_sats, budget_sats, pool_sats, distributed_sats,"
                + " carried_out_sats, rules, endpoint_count, paid_count, ledger_entry_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
        Object[] p = {epoch.key(), utc(epoch.start()), utc(epoch.end()), mode, b.limit().name(), b.confirmedBalanceSats(),
                b.reserveSats(), b.owedSats(), b.carriedSats(), b.availableSats(), b.policySats(), b.amountSats(), pool,
                distributed, carriedOut, rules, endpoints, paid, ledgerEntryId};
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < p.length; i++) {
                ps.setObject(i + 1, p[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("storing the settlement of " + epoch.key() + " failed", e);
        }
    }

    /** Bulk-loads tab-separated lines into a child table with COPY (100,000 endpoint lines in a fraction of a second). */
    void copy(String tableAndColumns, CharSequence lines) {
        try (Connection c = ds.getConnection()) {
            c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + tableAndColumns + " FROM STDIN", new StringReader(lines.toString()));
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("storing " + tableAndColumns + " failed", e);
        }
    }

    private void run(String sql) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }

    private Optional<Settlement> one(String sql, Object... params) {
        List<Settlement> l = SettlementReads.query(ds, sql, SettlementRepository::settlement, params);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
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
