package org.proxyfund.probe;

import org.proxyfund.endpoint.EndpointConfig;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Endpoint settings whose SSRF guard lets 127.0.0.1 through, as the test profile does. */
record LoopbackEndpointConfig(List<String> allowed) implements EndpointConfig {

    LoopbackEndpointConfig() {
        this(List.of("127.0.0.1"));
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
        return Optional.empty();
    }

    @Override
    public Duration httpTimeout() {
        return Duration.ofSeconds(2);
    }
}
