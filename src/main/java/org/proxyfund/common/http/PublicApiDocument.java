package org.proxyfund.common.http;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The OpenAPI document at {@code /openapi} too: the ingress routes nothing under {@code /q} (where Quarkus serves it),
 * so this is where API clients on the internet, and Swagger UI at {@code /api-docs}, read it.
 */
@ApplicationScoped
public class PublicApiDocument {

    void install(@Observes Router router) {
        router.get("/openapi").handler(ctx -> {
            String query = ctx.request().query();
            ctx.reroute("/q/openapi" + (query == null || query.isEmpty() ? "" : "?" + query));
        });
    }
}
