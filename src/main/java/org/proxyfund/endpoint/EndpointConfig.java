package org.proxyfund.endpoint;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Endpoint registration and SSRF-guard settings (proxyfund.endpoint.*). */
@ConfigMapping(prefix = "proxyfund.endpoint")
public interface EndpointConfig {

    /** IPs, CIDRs or exact host names that bypass the SSRF guard (tests and dev: 127.0.0.1); empty in production. */
    Optional<List<String>> allowedHosts();

    /** How many endpoints one operator may register. */
    @WithDefault("20")
    int maxPerOperator();

    /** Longest wait for a DNS answer when resolving an endpoint's host. */
    @WithDefault("3s")
    Duration dnsTimeout();

    /** DNS server (host or host:port) for ownership TXT lookups; unset: the system's resolvers. */
    Optional<String> dnsServer();

    /** Connect and read timeout of the HTTP well-known ownership check. */
    @WithDefault("5s")
    Duration httpTimeout();
}
