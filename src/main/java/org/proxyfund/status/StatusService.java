package org.proxyfund.status;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.endpoint.EndpointQueries;
import org.proxyfund.endpoint.EndpointState;
import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.payout.PaidBatch;
import org.proxyfund.payout.PayoutQueries;
import org.proxyfund.probe.history.NetworkQueries;
import org.proxyfund.probe.history.NetworkUptime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /** The figures as of {@code now}. */
    public NetworkStatus compute(Instant now) {
        Map<Long, String> protocolOf = new HashMap<>();
        endpoints.typesIn(EndpointState.APPROVED).forEach((id, type) -> protocolOf.put(id, type.name()));
        Map<String, Map<String, Long>> states = network.statesByGroup(protocolOf, now);
        List<ProtocolCount> rows = new ArrayList<>();
        ProtocolCount total = new ProtocolCount("total", 0, 0, 0, 0, 0);
        for (EndpointType type : EndpointType.values()) {
            ProtocolCount c = ProtocolCount.of(type.label(), states.getOrDefault(type.name(), Map.of()));
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
