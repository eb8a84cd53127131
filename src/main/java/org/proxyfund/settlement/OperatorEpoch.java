package org.proxyfund.settlement;

import java.time.OffsetDateTime;
import java.util.List;

/** One operator's view of one settled epoch: amount credited, capped, operator-level exclusion, and their endpoints. */
public record OperatorEpoch(String epochKey, OffsetDateTime start, OffsetDateTime end, long amountSats, boolean capped,
        String exclusion, List<SettledEndpoint> endpoints) {

    public OperatorEpoch {
        endpoints = List.copyOf(endpoints);
    }
}
