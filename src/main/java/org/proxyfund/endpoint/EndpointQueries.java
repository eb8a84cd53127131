package org.proxyfund.endpoint;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.common.db.Sql;

import java.time.OffsetDateTime;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Public reads of endpoints for other features, by id in bulk (an epoch's settlement reads 100,000 at once).
 * Reads run in the caller's transaction when there is one.
 */
@ApplicationScoped
public class EndpointQueries {

    @Inject
    Sql sql;

    /** Operator, type, region and retirement of each of these endpoints that exists, by endpoint id. */
    public Map<Long, EndpointFacts> facts(Collection<Long> endpointIds) {
        Map<Long, EndpointFacts> out = new HashMap<>(endpointIds.size() * 2);
        if (!endpointIds.isEmpty()) {
            sql.query("SELECT id, account_id, type, region, retired_at FROM endpoint WHERE id = ANY (?)", rs -> {
                OffsetDateTime retired = rs.getObject(5, OffsetDateTime.class);
                return new EndpointFacts(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        retired == null ? null : retired.toInstant());
            }, endpointIds).forEach(f -> out.put(f.endpointId(), f));
        }
        return out;
    }

    /** How many endpoints are in each state (states with none are absent). */
    public Map<EndpointState, Long> countByState() {
        Map<EndpointState, Long> out = new EnumMap<>(EndpointState.class);
        sql.query("SELECT state, count(*) FROM endpoint GROUP BY state",
                rs -> Map.entry(EndpointState.valueOf(rs.getString(1)), rs.getLong(2))).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** The ids of the endpoints in this state, in id order. */
    public List<Long> idsIn(EndpointState state) {
        return sql.query("SELECT id FROM endpoint WHERE state = ? ORDER BY id", rs -> rs.getLong(1), state.name());
    }

    /** The protocol of every endpoint in this state, by endpoint id. */
    public Map<Long, EndpointType> typesIn(EndpointState state) {
        Map<Long, EndpointType> out = new HashMap<>();
        sql.query("SELECT id, type FROM endpoint WHERE state = ?", rs -> Map.entry(rs.getLong(1), EndpointType.valueOf(rs.getString(2))),
                state.name()).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Every endpoint as a list shows it (operator, label, type, region, state), in id order. */
    public List<EndpointListing> listing() {
        return sql.query("SELECT id, account_id, label, type, region, state FROM endpoint ORDER BY id",
                rs -> new EndpointListing(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6)));
    }

    /** Type, address, protocol fields, encrypted monitor credential and state of each of these endpoints that exists, by id. */
    public Map<Long, EndpointTarget> targets(Collection<Long> endpointIds) {
        Map<Long, EndpointTarget> out = new HashMap<>(endpointIds.size() * 2);
        if (!endpointIds.isEmpty()) {
            sql.query("SELECT id, type, host, port, protocol_fields, credential_enc, state FROM endpoint WHERE id = ANY (?)",
                    rs -> new EndpointTarget(rs.getLong(1), EndpointType.valueOf(rs.getString(2)), rs.getString(3), rs.getInt(4),
                            rs.getString(5), rs.getString(6), EndpointState.valueOf(rs.getString(7))), endpointIds)
                    .forEach(t -> out.put(t.endpointId(), t));
        }
        return out;
    }

    /** The ids of every endpoint, in id order. */
    public List<Long> allIds() {
        return sql.query("SELECT id FROM endpoint ORDER BY id", rs -> rs.getLong(1));
    }

    /** The ids of one operator's endpoints, in id order. */
    public List<Long> idsOf(long accountId) {
        return sql.query("SELECT id FROM endpoint WHERE account_id = ? ORDER BY id", rs -> rs.getLong(1), accountId);
    }

    /** Which of these ids are endpoints that exist, in id order. */
    public List<Long> existing(Collection<Long> endpointIds) {
        return endpointIds.isEmpty() ? List.of()
                : sql.query("SELECT id FROM endpoint WHERE id = ANY (?) ORDER BY id", rs -> rs.getLong(1), endpointIds);
    }

    /** Labels of these endpoints (those that exist), by endpoint id. */
    public Map<Long, String> labels(Collection<Long> endpointIds) {
        Map<Long, String> out = new HashMap<>();
        if (!endpointIds.isEmpty()) {
            sql.query("SELECT id, label FROM endpoint WHERE id = ANY (?)", rs -> new AbstractMap.SimpleEntry<>(rs.getLong(1), rs.getString(2)),
                    endpointIds).forEach(e -> out.put(e.getKey(), e.getValue()));
        }
        return out;
    }

    /**
     * Subnets (/24 IPv4, /48 IPv6) where live (not retired) endpoints of several operators sit, in subnet order:
     * subnet to those operators' account ids.
     */
    public Map<String, List<Long>> operatorsBySharedSubnet() {
        Map<String, List<Long>> out = new LinkedHashMap<>();
        sql.query("""
                SELECT subnet, array_agg(DISTINCT account_id) FROM endpoint WHERE subnet IS NOT NULL AND state <> 'RETIRED'
                GROUP BY subnet HAVING count(DISTINCT account_id) > 1 ORDER BY subnet""",
                rs -> Map.entry(rs.getString(1), List.of((Long[]) rs.getArray(2).getArray()))).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
