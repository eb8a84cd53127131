package org.proxyfund.settlement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.endpoint.EndpointQueries;
import org.proxyfund.ledger.LedgerQueries;
import org.proxyfund.operator.OperatorQueries;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read side of settlements for pages and JSON: the list, one settlement's lines, one operator's earnings. */
@ApplicationScoped
public class SettlementReads {

    /** A row mapper that may throw SQLException. */
    interface Mapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private static final String ENDPOINT_COLUMNS = "se.endpoint_id, se.operator_id, se.protocol, se.region,"
            + " se.up_count, se.down_count, se.weak_up_count, se.outcome";

    @Inject
    DataSource ds;

    @Inject
    LedgerQueries ledger;

    @Inject
    OperatorQueries operators;

    @Inject
    EndpointQueries endpoints;

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
        List<SettledShare> rows = query(ds, """
                SELECT s.operator_id, s.amount_sats, s.capped, s.exclusion FROM settlement_share s
                WHERE s.settlement_id = ? ORDER BY s.amount_sats DESC, s.operator_id""",
                rs -> new SettledShare(rs.getLong(1), null, rs.getLong(2), rs.getBoolean(3), rs.getString(4)), settlementId);
        Map<Long, String> handles = operators.handles(rows.stream().map(SettledShare::operatorId).toList());
        return rows.stream().map(s -> new SettledShare(s.operatorId(), handles.getOrDefault(s.operatorId(), "#" + s.operatorId()),
                s.amountSats(), s.capped(), s.exclusion())).toList();
    }

    /** A settlement's endpoint lines in endpoint order, at most {@code limit}. */
    public List<SettledEndpoint> endpoints(long settlementId, int limit) {
        return labelled(query(ds, "SELECT " + ENDPOINT_COLUMNS + " FROM settlement_endpoint se"
                + " WHERE se.settlement_id = ? ORDER BY se.endpoint_id LIMIT ?", SettlementReads::endpoint, settlementId, limit));
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
            List<SettledEndpoint> eps = labelled(query(ds, "SELECT " + ENDPOINT_COLUMNS + " FROM settlement_endpoint se"
                    + " WHERE se.settlement_id = ? AND se.operator_id = ? ORDER BY se.endpoint_id", SettlementReads::endpoint,
                    h[0], operatorId));
            out.add(new OperatorEpoch((String) h[1], (java.time.OffsetDateTime) h[2], (java.time.OffsetDateTime) h[3],
                    (Long) h[4], (Boolean) h[5], (String) h[6], eps));
        }
        return out;
    }

    /** What the service owes the operator now: minus the balance of {@code operator_payable:<id>} (credits are negative). */
    public long payableSats(long operatorId) {
        return ledger.payableSats(operatorId);
    }

    private static SettledEndpoint endpoint(ResultSet rs) throws SQLException {
        return new SettledEndpoint(rs.getLong(1), rs.getLong(2), null, rs.getString(3), rs.getString(4),
                rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getString(8));
    }

    /** The lines with their endpoints' labels (endpoint's own read; null for an endpoint deleted since). */
    private List<SettledEndpoint> labelled(List<SettledEndpoint> lines) {
        Map<Long, String> labels = endpoints.labels(lines.stream().map(SettledEndpoint::endpointId).toList());
        return lines.stream().map(l -> new SettledEndpoint(l.endpointId(), l.operatorId(), labels.get(l.endpointId()),
                l.protocol(), l.region(), l.up(), l.down(), l.weakUp(), l.outcome())).toList();
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
