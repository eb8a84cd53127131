package org.proxyfund.common.http;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Security headers on every answer of the site's port: pages, API, static files, redirects and errors, whoever wrote
 * them (they are added just before the headers go out). No answer may be framed, sniffed, or send a Referer to other
 * sites; scripts, styles and images come only from this site. {@code Cache-Control: no-store} on every answer that
 * does not set its own caching (only static files, the public status page, its JSON and the badges do), so no page or
 * API answer that shows a proxy password, an MTProto secret, a new API token or a payout is kept by a browser or a
 * shared cache.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    /** Swagger UI's page is generated with inline script and style: allowed there, and only there. */
    static final String SWAGGER_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final String PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";
    static final String SWAGGER_PATH = "/api-docs";

    @Inject
    SecurityHeadersConfig config;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            ctx.addHeadersEndHandler(v -> apply(ctx));
            ctx.next();
        });
    }

    private void apply(RoutingContext ctx) {
        MultiMap h = ctx.response().headers();
        String path = ctx.normalizedPath();
        boolean swagger = path != null && (path.equals(SWAGGER_PATH) || path.startsWith(SWAGGER_PATH + "/"));
        h.set("Content-Security-Policy", swagger ? SWAGGER_CSP : CSP);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Frame-Options", "DENY");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Permissions-Policy", PERMISSIONS);
        h.set("Cross-Origin-Opener-Policy", "same-origin");
        if (!h.contains("Cache-Control")) {
            h.set("Cache-Control", "no-store");
        }
        if (!"off".equals(config.hsts()) && "https".equals(ctx.request().scheme())) {
            h.set("Strict-Transport-Security", config.hsts());
        }
    }
}
