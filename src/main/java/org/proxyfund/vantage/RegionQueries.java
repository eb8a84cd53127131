package org.proxyfund.vantage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.common.db.Sql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How an endpoint looks from inside each region its agents checked it from (docs/vantage-points.md): each active
 * agent's latest accepted UP or DOWN within two intervals, judged by {@link RegionStatus#decide}. For the operator's
 * pages; public addresses and agent names never leave here.
 */
@ApplicationScoped
public class RegionQueries {

    @Inject
    Sql sql;

    @Inject
    VantageConfig config;

    private record Row(String region, String network, String status, String reason, String detailKey) {
    }

    /** The endpoint's verdict per region, regions in name order; {@code outsideUp}: the central monitor finds it UP now. */
    public List<RegionStatus> forEndpoint(long endpointId, boolean outsideUp, Instant now) {
        Instant fresh = now.minus(config.interval().multipliedBy(2));
        Map<String, List<RegionStatus.AgentView>> byRegion = new LinkedHashMap<>();
        sql.query("SELECT DISTINCT ON (r.agent_id) r.region, a.network_label, r.status, r.reason, r.detail_key FROM agent_result r"
                        + " JOIN agent a ON a.id = r.agent_id WHERE r.endpoint_id = ? AND r.verdict = 'ACCEPTED' AND r.status IN ('UP', 'DOWN')"
                        + " AND r.checked_at > ? AND a.state = 'ACTIVE' AND NOT (" + Impairments.impairedDown("r") + ")"
                        + " ORDER BY r.agent_id, r.checked_at DESC, r.id DESC",
                rs -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)), endpointId, fresh)
                .stream().sorted(java.util.Comparator.comparing(Row::region))
                .forEach(r -> byRegion.computeIfAbsent(r.region(), k -> new ArrayList<>()).add(new RegionStatus.AgentView(r.network(),
                        "UP".equals(r.status()), "UP".equals(r.status()) ? null : Interference.of(r.reason(), r.detailKey()))));
        List<RegionStatus> out = new ArrayList<>();
        byRegion.forEach((region, agents) -> out.add(RegionStatus.decide(region, agents, config.quorum(), outsideUp,
                downSince(endpointId, region))));
        return out;
    }

    /** The first DOWN the region's agents reported after their latest UP. */
    private Instant downSince(long endpointId, String region) {
        List<Instant> first = sql.query("SELECT min(checked_at) FROM agent_result WHERE endpoint_id = ? AND region = ? AND verdict = 'ACCEPTED'"
                        + " AND status = 'DOWN' AND checked_at > coalesce((SELECT max(checked_at) FROM agent_result WHERE endpoint_id = ?"
                        + " AND region = ? AND verdict = 'ACCEPTED' AND status = 'UP'), '-infinity')",
                rs -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant(), endpointId, region, endpointId, region);
        return first.isEmpty() ? null : first.get(0);
    }
}
