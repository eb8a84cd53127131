package org.proxyfund.endpoint;

/**
 * An endpoint as a list of all endpoints shows it: its operator, the label the operator gave it (may be null or
 * empty), its type, served region (may be null) and state, as stored.
 */
public record EndpointListing(long endpointId, long operatorId, String label, String type, String region, String state) {

    /** What the endpoint is called on a page: its label, or its type when it has none. */
    public String name() {
        return label == null || label.isEmpty() ? type : label;
    }
}
