package org.proxyfund.settlement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.endpoint.EndpointFacts;
import org.proxyfund.endpoint.EndpointQueries;
import org.proxyfund.maintenance.MaintenanceQueries;
import org.proxyfund.operator.OperatorQueries;
import org.proxyfund.operator.OperatorStanding;
import org.proxyfund.probe.history.EpochCounts;
import org.proxyfund.probe.history.RollupQueries;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an epoch's settlement reads from the features it pays on, each through its owner: the check counts from
 * probe's rollups, each endpoint's operator, type, region and retirement from endpoint, each operator's standing from
 * operator, the open holds (settlement's own), and the DOWN checks inside declared maintenance windows from
 * maintenance. Runs inside the settlement transaction.
 */
@ApplicationScoped
class EpochInputs {

    /**
     * One endpoint's counts summed over an epoch, with what settlement needs to know of it: its UNKNOWN checks and the
     * span the schedule was checking it (from its first recorded hour, to the epoch's end or its retirement).
     */
    record InputRow(long endpointId, long operatorId, String protocol, String region, long up, long down, long weakUp,
            long unknown, Instant firstRecorded, Instant retiredAt, long downInWindows) {
    }

    @Inject
    RollupQueries rollups;

    @Inject
    EndpointQueries endpoints;

    @Inject
    OperatorQueries operators;

    @Inject
    HoldService holds;

    @Inject
    MaintenanceQueries maintenance;

    /** Every endpoint with rollups in the epoch, with its counts and facts, in no particular order. */
    List<InputRow> inputs(Epoch epoch) {
        List<EpochCounts> counts = rollups.epochCounts(epoch.start(), epoch.end());
        List<Long> ids = new ArrayList<>(counts.size());
        counts.forEach(c -> ids.add(c.endpointId()));
        Map<Long, EndpointFacts> facts = endpoints.facts(ids);
        Map<Long, Long> inWindows = maintenance.downInWindows(epoch.start(), epoch.end());
        List<InputRow> rows = new ArrayList<>(counts.size());
        for (EpochCounts c : counts) {
            EndpointFacts f = facts.get(c.endpointId());
            if (f != null) {
                rows.add(new InputRow(c.endpointId(), f.operatorId(), f.type(), f.region(), c.up(), c.down(), c.weakUp(),
                        c.unknown(), c.firstRecorded(), f.retiredAt(), inWindows.getOrDefault(c.endpointId(), 0L)));
            }
        }
        return rows;
    }

    /** Approved, payout address proven, and open hold, of each of these operators (as settlement time sees them). */
    Map<Long, OperatorEligibility> eligibility(Collection<Long> operatorIds) {
        Map<Long, OperatorStanding> standing = operators.standing(operatorIds);
        Set<Long> held = holds.held(operatorIds);
        Map<Long, OperatorEligibility> out = new HashMap<>(standing.size() * 2);
        standing.forEach((id, s) -> out.put(id, new OperatorEligibility(id, s.approved(), s.addressProven(), held.contains(id))));
        return out;
    }
}
