package org.proxyfund.status;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.endpoint.EndpointQueries;
import org.proxyfund.endpoint.EndpointState;
import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.maintenance.MaintenanceQueries;
import org.proxyfund.payout.PaidBatch;
import org.proxyfund.payout.PayoutQueries;
import org.proxyfund.probe.history.NetworkQueries;
import org.proxyfund.probe.history.NetworkUptime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the public network status through its owners: the approved endpoints' protocols from endpoint, their states
 * and the network's uptime from probe, the confirmed payouts from payout. Four statements whatever the network's size.
 */
@ApplicationScoped
public class StatusService {

    @Inject
    EndpointQueries endpoints;
    @Inject
    NetworkQueries network;
    @Inject
    PayoutQueries payouts;
    @Inject
    MaintenanceQueries maintenance;

    private static final String MAINTENANCE = "|maintenance";

    /** The figures as of {@code now}. */
    public NetworkStatus compute(Instant now) {
        Map<Long, EndpointType> types = endpoints.typesIn(EndpointState.APPROVED);
        Set<Long> inMaintenance = maintenance.inMaintenance(types.keySet(), now);
        // An endpoint in maintenance is counted in its protocol's maintenance group, whatever its checks say.
        Map<Long, String> groupOf = new HashMap<>(types.size() * 2);
        types.forEach((id, type) -> groupOf.put(id, type.name() + (inMaintenance.contains(id) ? MAINTENANCE : "")));
        Map<String, Map<String, Long>> states = network.statesByGroup(groupOf, now);
        List<ProtocolCount> rows = new ArrayList<>();
        ProtocolCount total = new ProtocolCount("total", 0, 0, 0, 0, 0, 0);
        for (EndpointType type : EndpointType.values()) {
            ProtocolCount c = ProtocolCount.of(type.label(), states.getOrDefault(type.name(), Map.of()),
                    states.getOrDefault(type.name() + MAINTENANCE, Map.of()));
            rows.add(c);
            total = total.plus(c, "total");
        }
        NetworkUptime up = network.uptime(now);
        List<PaidBatch> paid = payouts.paid(Integer.MAX_VALUE);
        long sats = 0;
        long outputs = 0;
        for (PaidBatch b : paid) {
            sats = Math.addExact(sats, b.totalSats());
            outputs += b.lineCount();
        }
        return new NetworkStatus(List.copyOf(rows), total, NetworkWindow.of(up.h24()), NetworkWindow.of(up.d7()),
                NetworkWindow.of(up.d30()), sats, paid.size(), outputs, now);
    }
}
