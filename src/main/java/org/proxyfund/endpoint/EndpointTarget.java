package org.proxyfund.endpoint;

/**
 * Where and how the monitor reaches an endpoint, as stored: type, host, port, protocol fields (JSON text), the issued
 * monitor credential still encrypted (context {@link EndpointService#context(long)}), and the endpoint's state, which
 * says whether it may be checked at all (only APPROVED ones are).
 */
public record EndpointTarget(long endpointId, EndpointType type, String host, int port, String protocolFields,
                             String credentialEnc, EndpointState state) {
}
