package org.proxyfund.feed;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.proxyfund.common.identity.Viewer;
import org.proxyfund.web.Pages;

import java.net.URI;

/** The account page of the private feed: make or rotate its secret URL (shown once), turn it off. Form posts, CSRF-checked. */
@Path("/account/feed")
public class FeedPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance feed(boolean enabled, String newUrl);
    }

    @Inject
    Pages pages;
    @Inject
    Viewer viewer;
    @Inject
    FeedSecrets secrets;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed("operator")
    @Operation(hidden = true)
    public TemplateInstance page() {
        return pages.page(Templates.feed(secrets.enabled(viewer.require().accountId()), null));
    }

    @POST
    @Path("rotate")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed("operator")
    @Operation(hidden = true)
    public TemplateInstance rotate(@Context UriInfo uri) {
        String secret = secrets.rotate(viewer.require().accountId());
        return pages.page(Templates.feed(true, FeedResource.base(uri) + "/feed/" + secret + ".atom"));
    }

    @POST
    @Path("revoke")
    @RolesAllowed("operator")
    @Operation(hidden = true)
    public Response revoke() {
        secrets.revoke(viewer.require().accountId());
        return Response.seeOther(URI.create("/account/feed")).build();
    }
}
