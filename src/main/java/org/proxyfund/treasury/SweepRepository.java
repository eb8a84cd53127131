package org.proxyfund.treasury;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.common.db.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The SQL of treasury_sweep; writes only through {@link SweepService}. */
@ApplicationScoped
class SweepRepository {

    private static final String COLUMNS = "id, state, txid, swept_sats, fee_sats, reorg_count, raw, cold_index,"
            + " cold_address, ledger_entry_id, created_at, confirmed_at";

    @Inject
    Sql sql;

    Optional<SweepRow> lock(long id) {
        return sql.one("SELECT " + COLUMNS + " FROM treasury_sweep WHERE id = ? FOR UPDATE", SweepRepository::row, id);
    }

    Optional<SweepRow> find(long id) {
        return sql.one("SELECT " + COLUMNS + " FROM treasury_sweep WHERE id = ?", SweepRepository::row, id);
    }

    /** Sweeps in these states, oldest first, at most {@code limit}, newest ones kept when there are more. */
    List<SweepRow> inStates(List<SweepState> states, int limit) {
        String in = states.stream().map(s -> "'" + s.name() + "'").collect(java.util.stream.Collectors.joining(", "));
        List<SweepRow> rows = sql.query("SELECT " + COLUMNS + " FROM treasury_sweep WHERE state IN (" + in + ")"
                + " ORDER BY id DESC LIMIT ?", SweepRepository::row, limit);
        return rows.reversed();
    }

    /** Every sweep, newest first, at most {@code limit}. */
    List<SweepRow> newest(int limit) {
        return sql.query("SELECT " + COLUMNS + " FROM treasury_sweep ORDER BY id DESC LIMIT ?", SweepRepository::row, limit);
    }

    boolean anyInFlight() {
        return sql.one("SELECT 1 FROM treasury_sweep WHERE state IN ('SIGNED', 'BROADCAST') LIMIT 1", rs -> 1).isPresent();
    }

    /** The cold receive index after every one any sweep ever took (failed ones included: an address is never reused). */
    int nextColdIndex() {
        return sql.one("SELECT COALESCE(MAX(cold_index) + 1, 0) FROM treasury_sweep", rs -> rs.getInt(1)).orElse(0);
    }

    long insert(String txid, byte[] raw, int coldIndex, String coldAddress, long sweptSats, long feeSats) {
        return sql.one("INSERT INTO treasury_sweep(state, txid, raw, cold_index, cold_address, swept_sats, fee_sats)"
                        + " VALUES ('SIGNED', ?, ?, ?, ?, ?, ?) RETURNING id", rs -> rs.getLong(1),
                txid, raw, coldIndex, coldAddress, sweptSats, feeSats).orElseThrow();
    }

    void update(Sweep after, Long ledgerEntryId, Instant now) {
        sql.update("UPDATE treasury_sweep SET state = ?, reorg_count = ?, ledger_entry_id = NULLIF(?::bigint, 0),"
                        + " broadcast_at = CASE WHEN ? = 'BROADCAST' THEN COALESCE(broadcast_at, ?) ELSE broadcast_at END,"
                        + " confirmed_at = CASE WHEN ? = 'CONFIRMED' THEN ? ELSE confirmed_at END WHERE id = ?",
                after.state().name(), after.reorgCount(), ledgerEntryId == null ? 0L : ledgerEntryId, after.state().name(), now,
                after.state().name(), now, after.id());
    }

    private static SweepRow row(ResultSet rs) throws SQLException {
        Sweep sweep = new Sweep(rs.getLong(1), SweepState.valueOf(rs.getString(2)), rs.getString(3), rs.getLong(4),
                rs.getLong(5), rs.getInt(6));
        long entry = rs.getLong(10);
        Long ledgerEntry = rs.wasNull() ? null : entry;
        java.sql.Timestamp confirmed = rs.getTimestamp(12);
        return new SweepRow(sweep, rs.getBytes(7), rs.getInt(8), rs.getString(9), ledgerEntry,
                rs.getTimestamp(11).toInstant(), confirmed == null ? null : confirmed.toInstant());
    }
}
