package org.proxyfund.settlement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.vantage.AgentEpochQueries;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The regional basis of each endpoint of an epoch: its served region's agents' verdicts (vantage's, through
 * {@link AgentEpochQueries}) judged by {@link RegionalBasis#decide}. An agent with a refused UP in the epoch (its
 * nonce never came through the proxy) is impaired for it: a liar's verdicts are not evidence. An agent's DOWNs inside
 * its impairment spans (a control endpoint it could not reach while the central monitor could) are UNKNOWN: vantage
 * leaves them out of its DOWNs and reports them apart.
 */
@ApplicationScoped
class RegionalInputs {

    /** Each endpoint's basis, and every agent's epoch verdicts that were weighed, for the settlement's record. */
    record Regional(Map<Long, RegionalBasis> bases, List<AgentLine> agents) {
    }

    /** One agent's epoch verdicts for one endpoint, as stored in {@code settlement_agent_uptime}. */
    record AgentLine(long endpointId, RegionalBasis.AgentEpoch agent, long falseUps, long impairedDowns) {
    }

    @Inject
    AgentEpochQueries agents;

    /**
     * The bases of the endpoints some agent of their served region checked in the epoch; an endpoint missing from
     * {@link Regional#bases()} had none and is paid on the central monitor's uptime (allocating nothing for it keeps
     * an epoch of 100,000 endpoints without agents as fast as before).
     *
     * @param rows   the epoch's endpoints, with their served regions
     * @param quorum distinct networks the regional median needs
     */
    Regional decide(Epoch epoch, List<EpochInputs.InputRow> rows, int quorum) {
        List<AgentEpochQueries.AgentEpochCount> counts = agents.epochCounts(epoch.start(), epoch.end());
        if (counts.isEmpty()) {
            return new Regional(Map.of(), List.of());
        }
        Map<Long, String> regions = new HashMap<>(rows.size() * 2);
        rows.forEach(r -> regions.put(r.endpointId(), r.region()));
        Map<Long, List<AgentLine>> byEndpoint = new HashMap<>();
        for (AgentEpochQueries.AgentEpochCount c : counts) {
            String served = regions.get(c.endpointId());
            if (served == null || !RegionalBasis.normalize(served).equals(RegionalBasis.normalize(c.region()))) {
                continue;
            }
            RegionalBasis.AgentEpoch a = new RegionalBasis.AgentEpoch(c.agentId(), c.network(), c.active(), c.falseUps() > 0,
                    c.up(), c.down(), c.unanswered());
            byEndpoint.computeIfAbsent(c.endpointId(), k -> new ArrayList<>()).add(new AgentLine(c.endpointId(), a, c.falseUps(),
                    c.impairedDowns()));
        }
        Map<Long, RegionalBasis> bases = new HashMap<>(byEndpoint.size() * 2);
        List<AgentLine> lines = new ArrayList<>();
        byEndpoint.forEach((id, of) -> {
            bases.put(id, RegionalBasis.decide(regions.get(id), of.stream().map(AgentLine::agent).toList(), quorum));
            lines.addAll(of);
        });
        return new Regional(bases, lines);
    }
}
