package org.proxyfund.endpoint;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Endpoint settings for unit tests that build the guard directly (endpoint and probe tests). */
public record TestEndpointConfig(List<String> allowed, Optional<String> dnsServerAddress) implements EndpointConfig {

    public TestEndpointConfig(String... allowed) {
        this(List.of(allowed), Optional.empty());
    }

    @Override
    public Optional<List<String>> allowedHosts() {
        return Optional.of(allowed);
    }

    @Override
    public int maxPerOperator() {
        return 20;
    }

    @Override
    public Duration dnsTimeout() {
        return Duration.ofSeconds(2);
    }

    @Override
    public Optional<String> dnsServer() {
        return dnsServerAddress;
    }

    @Override
    public Duration httpTimeout() {
        return Duration.ofSeconds(2);
    }
}
