package org.proxyfund.vantage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Probe agents' settings (proxyfund.vantage.*). */
@ConfigMapping(prefix = "proxyfund.vantage")
public interface VantageConfig {

    /** How long an enrollment token handed to a volunteer stays usable. */
    @WithDefault("7d")
    Duration enrollmentTokenTtl();

    /** Largest difference between an agent's signing time and the service's clock; a request outside it is refused. */
    @WithDefault("5m")
    Duration replayWindow();

    /** How often each endpoint is checked from each region agents cover. */
    @WithDefault("5m")
    Duration interval();

    /** How long an agent has to send a leased check's result; after that the work goes to another agent. */
    @WithDefault("2m")
    Duration leaseTime();

    /** Most checks one lease request hands out. */
    @WithDefault("50")
    int maxLease();

    /** Distinct networks of a region whose agents must see an endpoint down before it is DOWN or BLOCKED there. */
    @WithDefault("2")
    int quorum();

    /** Most results one push may carry. */
    @WithDefault("500")
    int maxResults();
}
