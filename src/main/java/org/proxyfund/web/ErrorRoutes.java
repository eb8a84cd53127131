package org.proxyfund.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.proxyfund.common.problem.HttpProblems;

import java.util.Optional;

/**
 * A page request whose body is over {@code quarkus.http.limits.max-body-size} (refused before any resource runs) gets
 * the localized 413 page too, instead of Quarkus's empty answer. The API's own limit answers with a problem
 * (ApiRoutes).
 */
@ApplicationScoped
public class ErrorRoutes {

    @Inject
    ErrorPages errors;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBody;

    void install(@Observes Router router) {
        // Before Quarkus's own body limit (order -2), which answers an over-long body with an empty 413.
        maxBody.ifPresent(limit -> router.route().order(-3).handler(ctx -> {
            String path = ctx.normalizedPath();
            String length = ctx.request().getHeader("Content-Length");
            if (!HttpProblems.isApi(path) && length != null && length.length() < 19
                    && length.chars().allMatch(Character::isDigit) && Long.parseLong(length) > limit.asLongValue()) {
                // The body is never read; the connection closes after the answer.
                ctx.response().setStatusCode(413).putHeader("Connection", "close")
                        .putHeader("Content-Type", "text/html;charset=UTF-8").end(errors.renderBare(413, ctx));
            } else {
                ctx.next();
            }
        }));
    }
}
