package org.proxyfund.settlement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The COPY text of a settlement's per-endpoint and per-agent lines (tab-separated, {@code \N} for null). */
final class SettlementLines {

    static final String ENDPOINT_COLUMNS = "settlement_endpoint (settlement_id, endpoint_id, operator_id, protocol, region,"
            + " up_count, down_count, weak_up_count, outcome, unknown_count, expected_count, maintenance_excluded_count,"
            + " basis, basis_region, basis_agent_count, basis_network_count, regional_uptime_ppm)";

    static final String AGENT_COLUMNS = "settlement_agent_uptime (settlement_id, endpoint_id, agent_id, network_label,"
            + " up_count, down_count, false_up_count, exclusion, impaired_down_count, unanswered_count)";

    private SettlementLines() {
    }

    /**
     * One line per endpoint, in endpoint order: every row then lands at the right edge of settlement_endpoint's
     * primary key (settlement_id, endpoint_id) instead of at a random leaf of it.
     */
    static StringBuilder endpoints(long id, List<EpochInputs.InputRow> rows, Map<Long, String> outcomes, Map<Long, Long> expected,
            Map<Long, Long> excluded, Map<Long, RegionalBasis> bases) {
        List<EpochInputs.InputRow> byEndpoint = new ArrayList<>(rows);
        byEndpoint.sort(Comparator.comparingLong(EpochInputs.InputRow::endpointId));
        StringBuilder lines = new StringBuilder(rows.size() * 64);
        for (EpochInputs.InputRow r : byEndpoint) {
            RegionalBasis b = bases.get(r.endpointId());
            lines.append(id).append('\t').append(r.endpointId()).append('\t').append(r.operatorId()).append('\t')
                    .append(clean(r.protocol())).append('\t').append(clean(r.region())).append('\t').append(r.up()).append('\t')
                    .append(r.down()).append('\t').append(r.weakUp()).append('\t').append(outcomes.get(r.endpointId()))
                    .append('\t').append(r.unknown()).append('\t').append(expected.get(r.endpointId())).append('\t')
                    .append(excluded.get(r.endpointId())).append('\t');
            if (b == null) {
                // No agent of its region checked it: the central monitor's uptime, as before.
                String region = RegionalBasis.normalize(r.region());
                lines.append("CENTRAL\t").append(region.isEmpty() ? "\\N" : clean(region)).append("\t0\t0\t\\N\n");
                continue;
            }
            lines.append(b.kind().name()).append('\t')
                    .append(b.region().isEmpty() ? "\\N" : clean(b.region())).append('\t').append(b.agents()).append('\t')
                    .append(b.networks()).append('\t').append(b.regional() ? String.valueOf(b.uptimePpm()) : "\\N").append('\n');
        }
        return lines;
    }

    /** One line per agent whose epoch verdicts were weighed for an endpoint, with why it did not take part. */
    static StringBuilder agents(long id, List<RegionalInputs.AgentLine> agents) {
        StringBuilder lines = new StringBuilder(agents.size() * 48);
        for (RegionalInputs.AgentLine l : agents) {
            RegionalBasis.Exclusion why = l.agent().exclusion();
            lines.append(id).append('\t').append(l.endpointId()).append('\t').append(l.agent().agentId()).append('\t')
                    .append(clean(l.agent().network())).append('\t').append(l.agent().up()).append('\t')
                    .append(l.agent().down()).append('\t').append(l.falseUps()).append('\t')
                    .append(why == null ? "\\N" : why.name()).append('\t').append(l.impairedDowns()).append('\t')
                    .append(l.agent().unanswered()).append('\n');
        }
        return lines;
    }

    /** COPY text format: tabs, newlines and backslashes would break a line; regions and labels are free text. */
    static String clean(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
