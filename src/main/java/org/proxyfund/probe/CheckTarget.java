package org.proxyfund.probe;

import org.proxyfund.endpoint.MonitorCredential;

import java.util.Objects;

/**
 * What one check is aimed at: the endpoint's host and port as registered, and its issued credential.
 *
 * @param host       DNS name or IP literal, checked again by the SSRF guard before every check
 * @param port       TCP port
 * @param credential the credential the service issued for this endpoint
 */
public record CheckTarget(String host, int port, MonitorCredential credential) {

    public CheckTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(credential, "credential");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
    }

    @Override
    public String toString() {
        return "CheckTarget[" + host + ":" + port + ", " + credential.type() + "]";
    }
}
