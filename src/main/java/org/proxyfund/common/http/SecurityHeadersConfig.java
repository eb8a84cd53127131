package org.proxyfund.common.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Security headers of every answer on the site's port (proxyfund.http.*). */
@ConfigMapping(prefix = "proxyfund.http")
public interface SecurityHeadersConfig {

    /**
     * Strict-Transport-Security, sent only on answers to HTTPS requests (behind the ingress: X-Forwarded-Proto https
     * from a trusted proxy); {@code off} sends none.
     */
    @WithDefault("max-age=31536000; includeSubDomains")
    String hsts();
}
