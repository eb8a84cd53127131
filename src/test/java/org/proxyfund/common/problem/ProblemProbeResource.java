package org.proxyfund.common.problem;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Test-only: an API path whose handler has a bug, to see how an unexpected failure is answered. */
@Path("/api/v1/test-only/problem-probe")
@PermitAll
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = "test-only")
public class ProblemProbeResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Test only: fails with an unexpected exception")
    public String fail() {
        throw new IllegalStateException("select secret from account where password = 'hunter2'");
    }
}
