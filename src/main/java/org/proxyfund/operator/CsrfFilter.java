package org.proxyfund.operator;

import org.proxyfund.common.identity.Viewer;
import org.proxyfund.common.crypto.Tokens;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import org.proxyfund.web.Pages;

import java.util.Optional;
import java.util.Set;

/**
 * Refuses every state-changing page request whose {@code csrf} form field (or X-CSRF-Token header)
 * does not match the token bound to the session, or, before sign-in, to the pre-session cookie.
 * The API under /api is exempt because it authenticates only by bearer token, never by cookie.
 */
public class CsrfFilter {

    public static final String FIELD = "csrf";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    Viewer viewer;

    @Inject
    Pages pages;

    @Location("operator/csrf-error")
    Template errorPage;

    @ServerRequestFilter(readBody = true)
    public Optional<Response> check(ResteasyReactiveContainerRequestContext context) {
        if (SAFE.contains(context.getMethod()) || context.getUriInfo().getPath().startsWith("/api/")) {
            return Optional.empty();
        }
        String sent = context.getHeaderString("X-CSRF-Token");
        if (sent == null && context.getServerRequestContext() instanceof ResteasyReactiveRequestContext rr) {
            Object field = rr.getFormParameter(FIELD, true, false);
            sent = field == null ? null : field.toString();
        }
        if (Tokens.sameSecret(sent, viewer.expectedCsrf())) {
            return Optional.empty();
        }
        return Optional.of(Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(pages.page(errorPage.instance()).render()).build());
    }
}
