package org.proxyfund.endpoint;

import java.time.Instant;

/**
 * What settlement needs of an endpoint: its operator, type name (key of the protocol weights), served region (key of
 * the region weights, may be null) and when it was retired (null while it is not).
 */
public record EndpointFacts(long endpointId, long operatorId, String type, String region, Instant retiredAt) {
}
