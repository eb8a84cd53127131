package org.proxyfund.probe.trial;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** "Check now" on a pending endpoint (proxyfund.probe.trial.*). */
@ConfigMapping(prefix = "proxyfund.probe.trial")
public interface TrialCheckConfig {

    /** Least time between two checks an operator asks for on one endpoint (across replicas). */
    @WithDefault("60s")
    Duration every();

    /** Longest a check asked for may take; after it the result is DOWN TIMEOUT and the page answers. */
    @WithDefault("30s")
    Duration deadline();
}
