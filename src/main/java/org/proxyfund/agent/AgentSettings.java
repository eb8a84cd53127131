package org.proxyfund.agent;

import org.proxyfund.endpoint.EndpointConfig;
import org.proxyfund.probe.ProbeConfig;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The settings the project's checkers and SSRF guard read, as the agent fixes them: no canary of its own (the leased
 * frames go to the service's), no user targets, the negative controls at the service's default rate, and the
 * central monitor's timeouts.
 */
record AgentSettings(List<String> allowHosts) implements ProbeConfig, EndpointConfig {

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
    public Optional<List<String>> canaryAlternates() {
        return Optional.empty();
    }

    @Override
    public List<String> userTargets() {
        return List.of("none");
    }

    @Override
    public double negativeControlRate() {
        return 0.25;
    }

    @Override
    public Duration nonceTtl() {
        return Duration.ofMinutes(3);
    }

    @Override
    public int nonceCapacity() {
        return 1;
    }

    @Override
    public Duration connectTimeout() {
        return Duration.ofSeconds(5);
    }

    @Override
    public Duration ioTimeout() {
        return Duration.ofSeconds(10);
    }

    @Override
    public Optional<List<String>> allowedHosts() {
        return Optional.of(allowHosts);
    }

    @Override
    public int maxPerOperator() {
        return 0;
    }

    @Override
    public Duration dnsTimeout() {
        return Duration.ofSeconds(5);
    }

    @Override
    public Optional<String> dnsServer() {
        return Optional.empty();
    }

    @Override
    public Duration httpTimeout() {
        return Duration.ofSeconds(5);
    }
}
