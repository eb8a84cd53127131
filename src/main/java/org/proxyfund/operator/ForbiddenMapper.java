package org.proxyfund.operator;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.ForbiddenException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.proxyfund.common.problem.HttpProblems;
import org.proxyfund.web.Pages;

/** A signed-in user without the role gets a page saying so (pages) or a problem answer (API), both 403. */
public class ForbiddenMapper {

    @Inject
    Pages pages;

    @Location("operator/forbidden")
    Template page;

    @ServerExceptionMapper(ForbiddenException.class)
    public Response forbidden(UriInfo uri) {
        if (HttpProblems.isApi(uri.getPath())) {
            return HttpProblems.forStatus(403, null).response();
        }
        return Response.status(403).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(pages.page(page.instance()).render()).build();
    }
}
