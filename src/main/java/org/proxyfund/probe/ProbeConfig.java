package org.proxyfund.probe;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
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

    /**
     * More public addresses (host:port) at which the canary (any replica's) is reached by another route, e.g. a second
     * IP or port of the load balancer. A relay failure to one canary address is tried against another before it is
     * charged to the operator.
     */
    Optional<List<String>> canaryAlternates();

    /**
     * Targets the endpoint's users need, as host:port/dc (Telegram data centres on 443): relaying checks must also
     * reach one of them, chosen at random, which must prove Telegram's RSA key through the tunnel. "none": canary only.
     */
    @WithDefault("149.154.175.50:443/1,149.154.167.51:443/2,149.154.175.100:443/3,149.154.167.91:443/4,149.154.171.5:443/5")
    List<String> userTargets();

    /**
     * Share of SOCKS5 and HTTP CONNECT checks (0 to 1) that also try, unannounced, a wrong credential or no
     * authentication: an endpoint that relays for either is an open proxy (DOWN OPEN_PROXY).
     */
    @WithDefault("0.25")
    double negativeControlRate();

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
