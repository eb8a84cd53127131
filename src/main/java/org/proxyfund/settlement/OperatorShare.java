package org.proxyfund.settlement;

import java.util.List;

/**
 * One operator's result of an epoch: whole satoshis earned (rounded down), whether the cap bound it, and every
 * endpoint of theirs with whether it counted (sorted by endpoint id).
 */
public record OperatorShare(long operatorId, long amountSats, boolean capped, List<EndpointOutcome> endpoints) {

    public OperatorShare {
        endpoints = List.copyOf(endpoints);
    }
}
