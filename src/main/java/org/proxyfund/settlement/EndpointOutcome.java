package org.proxyfund.settlement;

/** Whether one endpoint counted in an epoch's shares, and if not, why. */
public record EndpointOutcome(long endpointId, long upChecks, long downChecks, Exclusion exclusion) {

    /** True when the endpoint's weight went into its operator's share. */
    public boolean counted() {
        return exclusion == null;
    }
}
