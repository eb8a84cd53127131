package org.proxyfund.settlement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.common.db.Sql;
import org.proxyfund.endpoint.EndpointQueries;
import org.proxyfund.ledger.LedgerQueries;
import org.proxyfund.operator.OperatorQueries;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Public reads of settlements for pages and JSON: the list, one settlement's lines, one operator's earnings. */
@ApplicationScoped
public class SettlementQueries {

    private static final String ENDPOINT_COLUMNS = "se.endpoint_id, se.operator_id, se.protocol, se.region,"
            + " se.up_count, se.down_count, se.weak_up_count, se.outcome, se.basis, se.basis_region, se.basis_agent_count,"
            + " se.regional_uptime_ppm";

    @Inject
    Sql sql;

    @Inject
    LedgerQueries ledger;

    @Inject
    OperatorQueries operators;

    @Inject
    EndpointQueries endpoints;

    /** The latest settlements, newest first. */
    public List<Settlement> list(int limit) {
        return sql.query("SELECT " + SettlementRepository.COLUMNS + " FROM settlement ORDER BY epoch_start DESC LIMIT ?",
                SettlementRepository::settlement, limit);
    }

    /** The settlement of an epoch key, if settled. */
    public Optional<Settlement> byKey(String key) {
        return sql.one("SELECT " + SettlementRepository.COLUMNS + " FROM settlement WHERE epoch_key = ?",
                SettlementRepository::settlement, key);
    }

    /** Every operator's share in a settlement, largest amount first, with handles. */
    public List<SettledShare> shares(long settlementId) {
        List<SettledShare> rows = sql.query("""
                SELECT s.operator_id, s.amount_sats, s.capped, s.exclusion FROM settlement_share s
                WHERE s.settlement_id = ? ORDER BY s.amount_sats DESC, s.operator_id""",
                rs -> new SettledShare(rs.getLong(1), null, rs.getLong(2), rs.getBoolean(3), rs.getString(4)), settlementId);
        Map<Long, String> handles = operators.handles(rows.stream().map(SettledShare::operatorId).toList());
        return rows.stream().map(s -> new SettledShare(s.operatorId(), handles.getOrDefault(s.operatorId(), "#" + s.operatorId()),
                s.amountSats(), s.capped(), s.exclusion())).toList();
    }

    /** A settlement's endpoint lines in endpoint order, at most {@code limit}. */
    public List<SettledEndpoint> endpoints(long settlementId, int limit) {
        return labelled(sql.query("SELECT " + ENDPOINT_COLUMNS + " FROM settlement_endpoint se"
                + " WHERE se.settlement_id = ? ORDER BY se.endpoint_id LIMIT ?", SettlementQueries::endpoint, settlementId, limit));
    }

    /** One operator's share of one settlement, before its endpoint lines are read. */
    private record Head(long settlementId, String epochKey, OffsetDateTime start, OffsetDateTime end, long amountSats,
            boolean capped, String exclusion) {
    }

    /** One operator's lines of every settlement they took part in, newest epoch first (only theirs). */
    public List<OperatorEpoch> earnings(long operatorId, int limit) {
        List<OperatorEpoch> out = new ArrayList<>();
        List<Head> heads = sql.query("""
                SELECT st.id, st.epoch_key, st.epoch_start, st.epoch_end, s.amount_sats, s.capped, s.exclusion
                FROM settlement_share s JOIN settlement st ON st.id = s.settlement_id
                WHERE s.operator_id = ? ORDER BY st.epoch_start DESC LIMIT ?""",
                rs -> new Head(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getObject(4, OffsetDateTime.class), rs.getLong(5), rs.getBoolean(6), rs.getString(7)),
                operatorId, limit);
        for (Head h : heads) {
            List<SettledEndpoint> eps = labelled(sql.query("SELECT " + ENDPOINT_COLUMNS + " FROM settlement_endpoint se"
                    + " WHERE se.settlement_id = ? AND se.operator_id = ? ORDER BY se.endpoint_id", SettlementQueries::endpoint,
                    h.settlementId(), operatorId));
            out.add(new OperatorEpoch(h.epochKey(), h.start(), h.end(), h.amountSats(), h.capped(), h.exclusion(), eps));
        }
        return out;
    }

    /** What the service owes the operator now: minus the balance of {@code operator_payable:<id>} (credits are negative). */
    public long payableSats(long operatorId) {
        return ledger.payableSats(operatorId);
    }

    private static SettledEndpoint endpoint(ResultSet rs) throws SQLException {
        return new SettledEndpoint(rs.getLong(1), rs.getLong(2), null, rs.getString(3), rs.getString(4),
                rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getInt(11),
                (Integer) rs.getObject(12));
    }

    /** The lines with their endpoints' labels (endpoint's own read; null for an endpoint deleted since). */
    private List<SettledEndpoint> labelled(List<SettledEndpoint> lines) {
        Map<Long, String> labels = endpoints.labels(lines.stream().map(SettledEndpoint::endpointId).toList());
        return lines.stream().map(l -> new SettledEndpoint(l.endpointId(), l.operatorId(), labels.get(l.endpointId()),
                l.protocol(), l.region(), l.up(), l.down(), l.weakUp(), l.outcome(), l.basis(), l.basisRegion(), l.basisAgents(),
                l.regionalUptimePpm())).toList();
    }
}
