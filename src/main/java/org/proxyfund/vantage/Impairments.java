package org.proxyfund.vantage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.common.db.Sql;
import org.proxyfund.probe.history.CentralChecks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An agent that finds a control endpoint DOWN while the central monitor finds it UP (within the agents' interval
 * either side) cannot see what it should: it is impaired from one interval before that check to one interval after
 * it, and its DOWNs in that span count as UNKNOWN (the region's verdicts and settlement leave them out). The only
 * writer of {@code agent_impairment}; judged when the result arrives, so the span is fixed once written.
 */
@ApplicationScoped
class Impairments {

    @Inject
    Sql sql;

    @Inject
    Controls controls;

    @Inject
    CentralChecks central;

    @Inject
    VantageConfig config;

    /** Records the impairments these accepted results show (only DOWNs of controls can). */
    void judge(List<WorkRepository.StoredResult> accepted) {
        List<WorkRepository.StoredResult> downs = accepted.stream().filter(r -> "DOWN".equals(r.status()) && r.refusal() == null).toList();
        if (downs.isEmpty()) {
            return;
        }
        Set<Long> ids = controls.ids();
        List<WorkRepository.StoredResult> onControls = downs.stream().filter(r -> ids.contains(r.endpointId())).toList();
        if (onControls.isEmpty()) {
            return;
        }
        Set<Integer> upOutside = central.upNear(onControls.stream().map(WorkRepository.StoredResult::endpointId).toList(),
                onControls.stream().map(WorkRepository.StoredResult::checkedAt).toList(), config.interval());
        List<Long> leases = new ArrayList<>();
        List<Long> agents = new ArrayList<>();
        List<Long> endpoints = new ArrayList<>();
        List<Long> from = new ArrayList<>();
        List<Long> to = new ArrayList<>();
        for (int i : upOutside) {
            WorkRepository.StoredResult r = onControls.get(i);
            leases.add(r.leaseId());
            agents.add(r.agentId());
            endpoints.add(r.endpointId());
            from.add(r.checkedAt().minus(config.interval()).toEpochMilli());
            to.add(r.checkedAt().plus(config.interval()).toEpochMilli());
        }
        if (!leases.isEmpty()) {
            sql.update("INSERT INTO agent_impairment (lease_id, agent_id, endpoint_id, starts_at, ends_at)"
                    + " SELECT l, a, e, to_timestamp(f / 1000.0), to_timestamp(t / 1000.0)"
                    + " FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[]) AS v(l, a, e, f, t)"
                    + " ON CONFLICT DO NOTHING", leases, agents, endpoints, from, to);
        }
    }

    /** SQL condition: the result {@code r} (an agent_result alias) is a DOWN inside one of its agent's impairment spans. */
    static String impairedDown(String r) {
        return r + ".status = 'DOWN' AND EXISTS (SELECT 1 FROM agent_impairment i WHERE i.agent_id = " + r + ".agent_id"
                + " AND " + r + ".checked_at >= i.starts_at AND " + r + ".checked_at < i.ends_at)";
    }

    /** Whether the agent is impaired at this moment, and how many control checks impaired it since {@code since}. */
    record Standing(boolean now, long since) {
    }

    /** Each agent's impairment: now, and the number of spans begun since {@code since}. */
    java.util.Map<Long, Standing> standing(Instant now, Instant since) {
        java.util.Map<Long, Standing> out = new java.util.HashMap<>();
        sql.query("SELECT agent_id, bool_or(starts_at <= ? AND ends_at > ?), count(*) FILTER (WHERE starts_at >= ?)"
                        + " FROM agent_impairment WHERE ends_at > ? GROUP BY agent_id",
                rs -> new Object[]{rs.getLong(1), rs.getBoolean(2), rs.getLong(3)}, now, now, since, since)
                .forEach(row -> out.put((Long) row[0], new Standing((Boolean) row[1], (Long) row[2])));
        return out;
    }
}
