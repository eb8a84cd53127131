package org.proxyfund.probe;

import java.time.Duration;
import java.util.Optional;

/** Probe settings for tests that build checkers directly: canary on a free loopback port, short timeouts. */
public record TestProbeConfig(Duration nonceTtl, int nonceCapacity) implements ProbeConfig {

    public TestProbeConfig() {
        this(Duration.ofMinutes(3), 1000);
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
