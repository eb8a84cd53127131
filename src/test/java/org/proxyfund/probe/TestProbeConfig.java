package org.proxyfund.probe;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Probe settings for tests that build checkers directly: canary on a free loopback port, short timeouts, no user
 * targets or alternates unless asked, and the negative control on every SOCKS5 / HTTP CONNECT check unless asked.
 */
public record TestProbeConfig(Duration nonceTtl, int nonceCapacity, Optional<List<String>> canaryAlternates,
                              List<String> userTargets, double negativeControlRate) implements ProbeConfig {

    public TestProbeConfig() {
        this(Duration.ofMinutes(3), 1000, Optional.empty(), List.of("none"), 1.0);
    }

    public TestProbeConfig(Duration nonceTtl, int nonceCapacity) {
        this(nonceTtl, nonceCapacity, Optional.empty(), List.of("none"), 1.0);
    }

    /** The same with canary alternates (host:port). */
    public TestProbeConfig alternates(List<String> addresses) {
        return new TestProbeConfig(nonceTtl, nonceCapacity, Optional.of(addresses), userTargets, negativeControlRate);
    }

    /** The same with this share of checks running a negative control. */
    public TestProbeConfig controlRate(double rate) {
        return new TestProbeConfig(nonceTtl, nonceCapacity, canaryAlternates, userTargets, rate);
    }

    @Override
    public String canaryBindHost() {
        return "127.0.0.1";
    }

    @Override
    public int canaryBindPort() {
        return 0;
    }

    @Override
    public String canaryPublicHost() {
        return "127.0.0.1";
    }

    @Override
    public Optional<Integer> canaryPublicPort() {
        return Optional.empty();
    }

    @Override
    public Duration connectTimeout() {
        return Duration.ofSeconds(2);
    }

    @Override
    public Duration ioTimeout() {
        return Duration.ofSeconds(2);
    }
}
