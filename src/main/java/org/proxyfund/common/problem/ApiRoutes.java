package org.proxyfund.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import io.quarkus.runtime.configuration.MemorySize;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.UUID;

/**
 * Problem answers for what happens under {@code /api/} outside JAX-RS: a path no resource serves (404 instead of
 * the HTML "not found" page), a body over {@code quarkus.http.limits.max-body-size} (413), and any failure no mapper
 * handled (500 with a reference that is also in the log; never a stack trace or SQL in the answer).
 */
@ApplicationScoped
public class ApiRoutes {

    private static final Logger LOG = Logger.getLogger(ApiRoutes.class);

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBody;

    void install(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE).failureHandler(this::failure);
        // Before Quarkus's own check (order -2), which answers an over-long Content-Length with an empty 413.
        maxBody.ifPresent(limit -> router.route("/api/*").order(-3).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
                    && Long.parseLong(length) > limit.asLongValue()) {
                ctx.response().putHeader("Connection", "close");
                write(ctx, HttpProblems.forStatus(413, null));
            } else {
                ctx.next();
            }
        }));
        // After every other route: JAX-RS passes a request on when no resource path matches.
        router.route("/api/*").order(Integer.MAX_VALUE - 1).handler(ctx -> write(ctx, HttpProblems.forStatus(404, ctx.request().method().name())));
    }

    private void failure(RoutingContext ctx) {
        if (ctx.response().headWritten() || ctx.response().ended()) {
            ctx.next();
            return;
        }
        Throwable t = ctx.failure();
        Problem p;
        if (t instanceof UnauthorizedException || t instanceof AuthenticationFailedException) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            p = HttpProblems.unauthorized();
        } else if (t instanceof ForbiddenException) {
            p = HttpProblems.forStatus(403, null);
        } else if (t == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
            p = HttpProblems.forStatus(ctx.statusCode(), ctx.request().method().name());
        } else {
            String reference = UUID.randomUUID().toString();
            LOG.errorf(t, "API request %s %s failed (reference %s)", ctx.request().method(), ctx.normalizedPath(), reference);
            Problem generic = HttpProblems.forStatus(500, null);
            p = Problem.of(500, generic.code(), generic.detail() + " Reference: " + reference + ".");
        }
        write(ctx, p);
    }

    private void write(RoutingContext ctx, Problem p) {
        HttpServerResponse r = ctx.response();
        try {
            r.setStatusCode(p.status()).putHeader("Content-Type", Problem.MEDIA_TYPE).end(json.writeValueAsString(p));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem could not be written as JSON", e);
        }
    }
}
