package org.proxyfund.probe;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Health-check settings (proxyfund.probe.*). */
@ConfigMapping(prefix = "proxyfund.probe")
public interface ProbeConfig {

    /** Address the canary listener binds to. */
    @WithDefault("0.0.0.0")
    String canaryBindHost();

    /** Port the canary listener binds to; 0 picks a free port (tests). */
    @WithDefault("7707")
    int canaryBindPort();

    /** Host (name or IP) that checkers ask proxies to CONNECT to: the canary as the internet reaches it. */
    @WithDefault("127.0.0.1")
    String canaryPublicHost();

    /** Port that checkers ask proxies to CONNECT to; unset: the port the canary is bound to. */
    Optional<Integer> canaryPublicPort();

    /** How long an issued nonce is accepted by the canary. */
    @WithDefault("3m")
    Duration nonceTtl();

    /** Most nonces remembered at once; the oldest are forgotten first. */
    @WithDefault("100000")
    int nonceCapacity();

    /** Longest wait for a TCP connection to an endpoint. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** Longest wait for any single read from an endpoint during a check. */
    @WithDefault("5s")
    Duration ioTimeout();
}
