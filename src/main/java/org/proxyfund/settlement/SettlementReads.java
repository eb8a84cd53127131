package org.proxyfund.settlement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.ledger.LedgerService;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Read side of settlements for pages and JSON: the list, one settlement's lines, one operator's earnings. */
@ApplicationScoped
public class SettlementReads {

    /** A row mapper that may throw SQLException. */
    interface Mapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private static final String ENDPOINT_COLUMNS = "se.endpoint_id, se.operator_id, e.label, se.protocol, se.region,"
            + " se.up_count, se.down_count, se.weak_up_count, se.outcome";

    @Inject
    DataSource ds;

    /** The latest settlements, newest first. */
    public List<Settlement> list(int limit) {
        return query(ds, "SELECT " + SettlementRepository.COLUMNS + " FROM settlement ORDER BY epoch_start DESC LIMIT ?",
                SettlementRepository::settlement, limit);
    }

    /** The settlement of an epoch key, if settled. */
    public Optional<Settlement> byKey(String key) {
        List<Settlement> l = query(ds, "SELECT " + SettlementRepository.COLUMNS + " FROM settlement WHERE epoch_key = ?",
                SettlementRepository::settlement, key);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /** Every operator's share in a settlement, largest amount first, with handles. */
    public List<SettledShare> shares(long settlementId) {
        return query(ds, """
                SELECT s.operator_id, coalesce(a.handle, '#' || s.operator_id), s.amount_sats, s.capped, s.exclusion
                FROM settlement_share s LEFT JOIN account a ON a.id = s.operator_id
                WHERE s.settlement_id = ? ORDER BY s.amount_sats DESC, s.operator_id""",
                rs -> new SettledShare(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getBoolean(4), rs.getString(5)),
                settlementId);
    }

    /** A settlement's endpoint lines in endpoint order, at most {@code limit}. */
    public List<SettledEndpoint> endpoints(long settlementId, int limit) {
        return query(ds, "SELECT " + ENDPOINT_COLUMNS + " FROM settlement_endpoint se LEFT JOIN endpoint e ON e.id = se.endpoint_id"
                + " WHERE se.settlement_id = ? ORDER BY se.endpoint_id LIMIT ?", SettlementReads::endpoint, settlementId, limit);
    }

    /** One operator's lines of every settlement they took part in, newest epoch first (only theirs). */
    public List<OperatorEpoch> earnings(long operatorId, int limit) {
        List<OperatorEpoch> out = new ArrayList<>();
        List<Object[]> heads = query(ds, """
                SELECT st.id, st.epoch_key, st.epoch_start, st.epoch_end, s.amount_sats, s.capped, s.exclusion
                FROM settlement_share s JOIN settlement st ON st.id = s.settlement_id
                WHERE s.operator_id = ? ORDER BY st.epoch_start DESC LIMIT ?""",
                rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getObject(3, java.time.OffsetDateTime.class),
                        rs.getObject(4, java.time.OffsetDateTime.class), rs.getLong(5), rs.getBoolean(6), rs.getString(7)},
                operatorId, limit);
        for (Object[] h : heads) {
            List<SettledEndpoint> eps = query(ds, "SELECT " + ENDPOINT_COLUMNS + " FROM settlement_endpoint se"
                    + " LEFT JOIN endpoint e ON e.id = se.endpoint_id WHERE se.settlement_id = ? AND se.operator_id = ?"
                    + " ORDER BY se.endpoint_id", SettlementReads::endpoint, h[0], operatorId);
            out.add(new OperatorEpoch((String) h[1], (java.time.OffsetDateTime) h[2], (java.time.OffsetDateTime) h[3],
                    (Long) h[4], (Boolean) h[5], (String) h[6], eps));
        }
        return out;
    }

    /** What the service owes the operator now: minus the balance of {@code operator_payable:<id>} (credits are negative). */
    public long payableSats(long operatorId) {
        return query(ds, "SELECT coalesce(-sum(amount_sats), 0) FROM ledger_line WHERE account = ?", rs -> rs.getLong(1),
                LedgerService.OPERATOR_PAYABLE_PREFIX + operatorId).get(0);
    }

    private static SettledEndpoint endpoint(ResultSet rs) throws SQLException {
        return new SettledEndpoint(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getString(9));
    }

    static <T> List<T> query(DataSource ds, String sql, Mapper<T> mapper, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("settlement query failed: " + sql, e);
        }
    }
}
