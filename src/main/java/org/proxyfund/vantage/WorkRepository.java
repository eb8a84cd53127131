package org.proxyfund.vantage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.common.db.Sql;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/** The vantage package's own SQL over agent_schedule, agent_lease and agent_result. */
@ApplicationScoped
class WorkRepository {

    /** A lease as stored. */
    record Lease(long id, long agentId, long endpointId, String region, List<String> nonces, Instant leasedAt,
                 Instant deadlineAt, Instant completedAt, String agentAddress) {
    }

    /** One result as it is kept. */
    record StoredResult(long leaseId, long agentId, long endpointId, String region, Instant checkedAt, Instant receivedAt,
                        String status, String reason, Integer latencyMs, String detail, String refusal, String detailKey) {
    }

    @Inject
    Sql sql;

    /** Makes sure each of these endpoints has a schedule row in the region (due now when new). */
    void ensureScheduled(Collection<Long> endpointIds, String region, Instant now) {
        if (endpointIds.isEmpty()) return;
        sql.update("INSERT INTO agent_schedule (endpoint_id, region, next_check_at) SELECT e, ?, ? FROM unnest(?::bigint[]) e"
                + " ON CONFLICT DO NOTHING", region, now, endpointIds);
    }

    /**
     * Claims up to {@code limit} of these endpoints due in the region, skipping rows another replica holds, and makes
     * them due again at {@code until}: if no result comes by then, another agent of the region takes the work.
     */
    List<Long> claimDue(Collection<Long> endpointIds, String region, Instant now, Instant until, int limit) {
        if (endpointIds.isEmpty()) return List.of();
        return sql.query("UPDATE agent_schedule s SET next_check_at = ? FROM (SELECT endpoint_id FROM agent_schedule"
                + " WHERE region = ? AND endpoint_id = ANY (?) AND next_check_at <= ? ORDER BY next_check_at LIMIT ?"
                + " FOR UPDATE SKIP LOCKED) due WHERE s.region = ? AND s.endpoint_id = due.endpoint_id RETURNING s.endpoint_id",
                rs -> rs.getLong(1), until, region, endpointIds, now, limit, region);
    }

    /** Makes each endpoint due again in the region at its time (epoch milliseconds, same order). */
    void rescheduleAll(String region, List<Long> endpointIds, List<Long> nextMillis) {
        if (endpointIds.isEmpty()) return;
        sql.update("UPDATE agent_schedule s SET next_check_at = to_timestamp(v.n / 1000.0) FROM unnest(?::bigint[], ?::bigint[]) AS v(e, n)"
                + " WHERE s.region = ? AND s.endpoint_id = v.e", endpointIds, nextMillis, region);
    }

    /**
     * Stores one lease per endpoint for the agent, each with its nonces (hex), in one statement; the lease ids by
     * endpoint id (the endpoints of one lease request are distinct).
     */
    Map<Long, Long> insertLeases(long agentId, String region, Map<Long, List<String>> noncesByEndpoint, Instant now,
                                 Instant deadline, String agentAddress) {
        Map<Long, Long> out = new HashMap<>();
        if (noncesByEndpoint.isEmpty()) return out;
        List<Long> endpointIds = new ArrayList<>(noncesByEndpoint.keySet());
        // Each element is one lease's nonce array as text; nonces are hex, so nothing in them needs quoting.
        String nonces = endpointIds.stream().map(e -> "\"{" + String.join(",", noncesByEndpoint.get(e)) + "}\"")
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
        sql.query("INSERT INTO agent_lease (agent_id, endpoint_id, region, nonces, leased_at, deadline_at, agent_address)"
                + " SELECT ?, v.e, ?, v.n::text[], ?, ?, ? FROM unnest(?::bigint[], ?::text[]) AS v(e, n) RETURNING endpoint_id, id",
                rs -> new long[]{rs.getLong(1), rs.getLong(2)}, agentId, region, now, deadline, agentAddress, endpointIds, nonces)
                .forEach(row -> out.put(row[0], row[1]));
        return out;
    }

    /** These leases that exist, locked in id order (so two pushes never wait on each other in a circle), by id. */
    Map<Long, Lease> lockLeases(List<Long> leaseIds) {
        Map<Long, Lease> out = new HashMap<>();
        if (leaseIds.isEmpty()) return out;
        sql.query("SELECT id, agent_id, endpoint_id, region, nonces, leased_at, deadline_at, completed_at, agent_address FROM agent_lease"
                + " WHERE id = ANY (?) ORDER BY id FOR UPDATE", rs -> new Lease(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                strings(rs.getArray(5)), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(),
                rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant(), rs.getString(9)), leaseIds)
                .forEach(l -> out.put(l.id(), l));
        return out;
    }

    void completeAll(List<Long> leaseIds, Instant now) {
        if (leaseIds.isEmpty()) return;
        sql.update("UPDATE agent_lease SET completed_at = ? WHERE id = ANY (?) AND completed_at IS NULL", now, leaseIds);
    }

    /** Inserts the results, up to 500 in one statement. */
    void insertResults(List<StoredResult> rows) {
        for (int from = 0; from < rows.size(); from += 500) {
            List<StoredResult> part = rows.subList(from, Math.min(rows.size(), from + 500));
            StringBuilder statement = new StringBuilder("INSERT INTO agent_result (lease_id, agent_id, endpoint_id, region, checked_at,"
                    + " received_at, status, reason, latency_ms, detail, verdict, refusal, detail_key) VALUES ");
            List<Object> params = new ArrayList<>(part.size() * 13);
            for (StoredResult r : part) {
                if (!params.isEmpty()) statement.append(", ");
                statement.append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                params.addAll(java.util.Arrays.asList(r.leaseId(), r.agentId(), r.endpointId(), r.region(), r.checkedAt(),
                        r.receivedAt(), r.status(), r.reason(), r.latencyMs(), r.detail(), r.refusal() == null ? "ACCEPTED" : "REFUSED",
                        r.refusal(), r.detailKey()));
            }
            sql.update(statement.toString(), params.toArray());
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
