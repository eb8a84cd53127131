package org.proxyfund.probe;

import org.proxyfund.endpoint.MonitorCredential;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one check is aimed at: the endpoint's host and port as registered, its non-secret protocol fields
 * (cipher, server public key, transport, fake-TLS domain: keys as in {@link org.proxyfund.endpoint.EndpointType}),
 * and its issued credential.
 *
 * @param host       DNS name or IP literal, checked again by the SSRF guard before every check
 * @param port       TCP (or, for WireGuard and OpenVPN over UDP, UDP) port
 * @param fields     the endpoint's protocol fields
 * @param credential the credential the service issued for this endpoint
 */
public record CheckTarget(String host, int port, Map<String, String> fields, MonitorCredential credential) {

    public CheckTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(credential, "credential");
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
    }

    /** A target without protocol fields (SOCKS5, HTTP CONNECT, plain TCP). */
    public CheckTarget(String host, int port, MonitorCredential credential) {
        this(host, port, Map.of(), credential);
    }

    /** One protocol field, if the endpoint has it. */
    public Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name)).filter(v -> !v.isBlank());
    }

    @Override
    public String toString() {
        return "CheckTarget[" + host + ":" + port + ", " + credential.type() + ", " + fields + "]";
    }
}
