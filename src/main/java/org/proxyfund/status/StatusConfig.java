package org.proxyfund.status;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The public status page and badges (proxyfund.status.*). */
@ConfigMapping(prefix = "proxyfund.status")
public interface StatusConfig {

    /**
     * How long the figures of /status and each badge are reused before they are read again from the database, and the
     * max-age browsers and shared caches are told; a badge revoked or rotated on another replica may be served this long.
     */
    @WithDefault("30s")
    Duration cacheFor();

    /** Most badges kept rendered in memory at once (all are dropped when it is reached). */
    @WithDefault("10000")
    int badgeCacheSize();
}
