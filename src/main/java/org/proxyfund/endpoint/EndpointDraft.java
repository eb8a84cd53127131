package org.proxyfund.endpoint;

import java.util.Map;

/**
 * An endpoint as the operator typed it, before validation: nothing here is trusted yet.
 *
 * @param type           the protocol; may be null when the form left it out
 * @param host           DNS name, IPv4 or IPv6 (with or without brackets)
 * @param port           TCP/UDP port; may be null when missing
 * @param region         the region the operator serves: a short code or a name
 * @param protocolFields per-protocol fields, keyed by the constants in {@link EndpointType}
 */
public record EndpointDraft(EndpointType type, String host, Integer port, String region,
                            Map<String, String> protocolFields) {

    public EndpointDraft {
        // Forms send empty inputs as null or ""; an empty optional field is the same as an absent one.
        Map<String, String> present = new java.util.HashMap<>();
        if (protocolFields != null) {
            protocolFields.forEach((k, v) -> {
                if (k != null && v != null && !v.isBlank()) present.put(k, v);
            });
        }
        protocolFields = Map.copyOf(present);
    }

    /** The value of one protocol field, or null when absent. */
    public String field(String name) {
        return protocolFields.get(name);
    }
}
