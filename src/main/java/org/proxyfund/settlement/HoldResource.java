package org.proxyfund.settlement;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.proxyfund.common.identity.Actor;
import org.proxyfund.common.identity.Viewer;
import org.proxyfund.web.Pages;

/** The Hold / Release pay buttons of the admin console (CSRF-checked form posts, audited by HoldService). */
@Path("/admin/holds")
@Produces(MediaType.TEXT_PLAIN)
@RolesAllowed("admin")
public class HoldResource {

    @Inject
    HoldService holds;

    @Inject
    Viewer viewer;

    @Inject
    Pages pages;

    @POST
    @Path("hold")
    @Operation(hidden = true)
    public Response hold(@RestForm String handle, @RestForm String reason, @RestForm String csrf) {
        return answer(holds.hold(handle, actor(), reason));
    }

    @POST
    @Path("release")
    @Operation(hidden = true)
    public Response release(@RestForm String handle, @RestForm String reason, @RestForm String csrf) {
        return answer(holds.release(handle, actor(), reason));
    }

    private Actor actor() {
        var p = viewer.require();
        return new Actor(p.accountId(), p.handle());
    }

    /** Done: back to the console (303); otherwise the reason in words with a fitting status. */
    private Response answer(HoldService.HoldResult r) {
        if (r == HoldService.HoldResult.DONE) {
            return Response.seeOther(java.net.URI.create("/admin#flags")).build();
        }
        int status = switch (r) {
            case NOT_FOUND -> 404;
            case NOTHING_TO_DO -> 409;
            default -> 400;
        };
        return Response.status(status).entity(SettlementPages.messages(pages.locale()).hold_result(r.name())).build();
    }
}
