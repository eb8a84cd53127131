package org.proxyfund.probe.trial;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.proxyfund.common.identity.Principal;
import org.proxyfund.common.identity.Viewer;

import java.net.URI;

/** The "Check now" button of a pending endpoint's page: runs the check, then back to the page, which shows the result. */
@Path("/endpoints/{id}/check-now")
@RolesAllowed("operator")
public class TrialCheckResource {

    private final TrialCheck trials;
    private final Viewer viewer;

    public TrialCheckResource(TrialCheck trials, Viewer viewer) {
        this.trials = trials;
        this.viewer = viewer;
    }

    @POST
    @Operation(hidden = true)
    public Response checkNow(@RestPath long id, @RestForm String csrf) {
        Principal p = viewer.require();
        if (trials.run(p.accountId(), id) == TrialCheck.Outcome.NOT_FOUND) throw new NotFoundException();
        return Response.seeOther(URI.create("/endpoints/" + id + "#trial")).build();
    }
}
