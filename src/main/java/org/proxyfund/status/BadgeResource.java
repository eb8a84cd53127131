package org.proxyfund.status;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.proxyfund.common.identity.Viewer;
import org.proxyfund.web.Pages;

import java.net.URI;
import java.util.Locale;

/** The operator's page of one endpoint's public badge: publish, rotate, revoke (form posts, CSRF-checked). Owner only. */
@Path("/endpoints/{id}/badge")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("operator")
public class BadgeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance badge(BadgeView b, String base);
    }

    @Inject
    Pages pages;
    @Inject
    Viewer viewer;
    @Inject
    BadgeService badges;

    @GET
    @Operation(hidden = true)
    public TemplateInstance page(@PathParam("id") long id, @Context UriInfo uri) {
        BadgeView b = badges.view(viewer.require().accountId(), id).orElseThrow(NotFoundException::new);
        String base = uri.getBaseUri().toString().replaceAll("/$", "");
        return pages.page(Templates.badge(b, base));
    }

    @POST
    @Path("{action:publish|rotate|revoke}")
    @Operation(hidden = true)
    public Response act(@PathParam("id") long id, @PathParam("action") String action) {
        badges.apply(viewer.require().accountId(), id, BadgeAction.valueOf(action.toUpperCase(Locale.ROOT)))
                .orElseThrow(NotFoundException::new);
        return Response.seeOther(URI.create("/endpoints/" + id + "/badge")).build();
    }
}
