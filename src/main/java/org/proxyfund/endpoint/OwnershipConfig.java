package org.proxyfund.endpoint;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Verification of OpenVPN ownership tokens (proxyfund.endpoint.ownership.*). */
@ConfigMapping(prefix = "proxyfund.endpoint.ownership")
public interface OwnershipConfig {

    /** Whether this replica looks for tokens every minute (tests turn it off and call OwnershipService directly). */
    @WithDefault("true")
    boolean enabled();

    /** How long a found token counts before it is looked for again. */
    @WithDefault("6h")
    Duration period();

    /** How soon a token not found (or not reachable) is looked for again. */
    @WithDefault("10m")
    Duration retry();

    /** Port of the well-known URL (http://host/.well-known/proxyfund/token): 80, as the page tells operators. */
    @WithDefault("80")
    int httpPort();

    /** Most tokens looked for in one round. */
    @WithDefault("50")
    int batchSize();
}
