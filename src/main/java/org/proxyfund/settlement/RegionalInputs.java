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
 * nonce never came through the proxy) is impaired for it: a liar's verdicts are not evidence.
 */
@ApplicationScoped
class RegionalInputs {

    /** Each endpoint's basis, and every agent's epoch verdicts that were weighed, for the settlement's record. */
    record Regional(Map<Long, RegionalBasis> bases, List<AgentLine> agents) {
    }

    /** One agent's epoch verdicts for one endpoint, as stored in {@code settlement_agent_uptime}. */
    record AgentLine(long endpointId, RegionalBasis.AgentEpoch agent, long falseUps) {
    }

    @Inject
    AgentEpochQueries agents;

    /**
     * @param regions each endpoint's served region, by endpoint id
     * @param quorum  distinct networks the regional median needs
     */
    Regional decide(Epoch epoch, Map<Long, String> regions, int quorum) {
        Map<Long, List<AgentLine>> byEndpoint = new HashMap<>();
        for (AgentEpochQueries.AgentEpochCount c : agents.epochCounts(epoch.start(), epoch.end())) {
            String served = regions.get(c.endpointId());
            if (served == null || !RegionalBasis.normalize(served).equals(RegionalBasis.normalize(c.region()))) {
                continue;
            }
            RegionalBasis.AgentEpoch a = new RegionalBasis.AgentEpoch(c.agentId(), c.network(), c.active(), c.falseUps() > 0,
                    c.up(), c.down());
            byEndpoint.computeIfAbsent(c.endpointId(), k -> new ArrayList<>()).add(new AgentLine(c.endpointId(), a, c.falseUps()));
        }
        Map<Long, RegionalBasis> bases = new HashMap<>(regions.size() * 2);
        List<AgentLine> lines = new ArrayList<>();
        regions.forEach((id, region) -> {
            List<AgentLine> of = byEndpoint.getOrDefault(id, List.of());
            bases.put(id, RegionalBasis.decide(region, of.stream().map(AgentLine::agent).toList(), quorum));
            lines.addAll(of);
        });
        return new Regional(bases, lines);
    }
}
