package org.proxyfund.maintenance;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Declared maintenance windows (proxyfund.maintenance.*); the allowance they excuse is proxyfund.settlement.maintenance-allowance. */
@ConfigMapping(prefix = "proxyfund.maintenance")
public interface MaintenanceConfig {

    /** Longest window, in whole hours (at most 168, a week). */
    @WithDefault("24")
    int maxHours();

    /** How far ahead a window may start. */
    @WithDefault("P30D")
    Duration maxAhead();

    /** Most windows of one endpoint that are neither cancelled nor over. */
    @WithDefault("10")
    int maxOpen();
}
