package org.proxyfund.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.proxyfund.common.problem.HttpProblems;

import java.util.Set;

/**
 * A page answer that is an error without a body of its own (the framework's 404 for an unknown path or another
 * operator's endpoint, 405 for a wrong method, 413 for a form field over the limit, 415, 400) gets the site's
 * localized error page ({@link ErrorPages}) as its body. Answers that carry their own page, and everything under
 * {@code /api/} (problem details), are left alone.
 */
public class PageErrorFilter {

    private static final Set<Integer> FILLED = Set.of(400, 404, 405, 413, 415);

    @Inject
    ErrorPages errors;

    @ServerResponseFilter
    public void fillEmptyErrorPages(ContainerRequestContext request, ContainerResponseContext response) {
        if (!FILLED.contains(response.getStatus()) || response.hasEntity()
                || HttpProblems.isApi(request.getUriInfo().getPath())) {
            return;
        }
        response.setEntity(errors.render(response.getStatus()), null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
    }
}
