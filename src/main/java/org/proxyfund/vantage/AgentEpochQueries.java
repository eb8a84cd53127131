package org.proxyfund.vantage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.common.db.Sql;

import java.time.Instant;
import java.util.List;

/**
 * What settlement reads of the agents (docs/settlement.md, "Regional basis"): per endpoint, region and agent, the
 * verdicts the agent's results gave over an epoch. Only results checked inside the epoch and received before its end
 * count, so the figures are frozen when the epoch closes, however late settlement runs.
 */
@ApplicationScoped
public class AgentEpochQueries {

    /**
     * One agent's verdicts for one endpoint over an epoch.
     *
     * @param region   the region the agent checked it for (the agent's region, upper case)
     * @param network  the agent's network label
     * @param active   the agent is ACTIVE now (a revoked agent's results never count)
     * @param up       accepted UPs: each one's nonce came through the proxy
     * @param down     accepted DOWNs, less those inside the agent's impairment spans
     * @param falseUps UPs refused because their nonce did not come through the proxy
     * @param impairedDowns accepted DOWNs inside the agent's impairment spans (a control it could not reach while the
     *                      central monitor could): UNKNOWN, counted neither way
     * @param unanswered    leases it took in the epoch and let run out (no result by the deadline, which fell in the epoch)
     */
    public record AgentEpochCount(long endpointId, String region, long agentId, String network, boolean active, long up,
            long down, long falseUps, long impairedDowns, long unanswered) {
    }

    @Inject
    Sql sql;

    /** Every endpoint × region × agent with a result checked in [start, end) and received before end. */
    public List<AgentEpochCount> epochCounts(Instant start, Instant end) {
        java.util.Map<String, Long> unanswered = new java.util.HashMap<>();
        sql.query("SELECT endpoint_id, region, agent_id, count(*) FROM agent_lease WHERE leased_at >= ? AND deadline_at < ?"
                        + " AND completed_at IS NULL GROUP BY endpoint_id, region, agent_id",
                rs -> new Object[]{rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getLong(3), rs.getLong(4)}, start, end)
                .forEach(row -> unanswered.put((String) row[0], (Long) row[1]));
        return sql.query("SELECT r.endpoint_id, r.region, r.agent_id, a.network_label, a.state = 'ACTIVE',"
                        + " count(*) FILTER (WHERE r.verdict = 'ACCEPTED' AND r.status = 'UP'),"
                        + " count(*) FILTER (WHERE r.verdict = 'ACCEPTED' AND r.status = 'DOWN' AND NOT (" + Impairments.impairedDown("r") + ")),"
                        + " count(*) FILTER (WHERE r.verdict = 'REFUSED' AND r.refusal IN (?, ?)),"
                        + " count(*) FILTER (WHERE r.verdict = 'ACCEPTED' AND " + Impairments.impairedDown("r") + ")"
                        + " FROM agent_result r JOIN agent a ON a.id = r.agent_id"
                        + " WHERE r.checked_at >= ? AND r.checked_at < ? AND r.received_at < ?"
                        + " GROUP BY r.endpoint_id, r.region, r.agent_id, a.network_label, a.state",
                rs -> new AgentEpochCount(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getBoolean(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
                        unanswered.getOrDefault(rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getLong(3), 0L)),
                ResultRules.NEVER_ARRIVED, ResultRules.FROM_AGENT, start, end, end);
    }
}
