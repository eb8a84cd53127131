package org.proxyfund.common.openapi;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;

/** Test-only: an API path whose answers break its own documentation on request, to show the contract catching it. */
@Path("/api/v1/test-only/contract-probe")
@PermitAll
@Tag(name = "test-only")
public class ContractProbeResource {

    /** The documented answer. */
    @Schema(name = "ContractProbe")
    public record Probe(String name) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answers as documented, or breaks the document as asked")
    @APIResponse(responseCode = "200", description = "The probe",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Probe.class)))
    public Response probe(@QueryParam("answer") String answer) {
        return switch (answer == null ? "" : answer) {
            case "undocumented-status" -> Response.status(418).type(MediaType.APPLICATION_JSON).entity(new Probe("x")).build();
            case "undocumented-field" -> Response.ok(Map.of("name", "x", "secret", "y")).build();
            case "missing-field" -> Response.ok(Map.of()).build();
            case "old-error-dialect" -> Response.status(400).type(MediaType.APPLICATION_JSON).entity(Map.of("errors", "bad")).build();
            default -> Response.ok(new Probe("x")).build();
        };
    }

    @GET
    @Path("undocumented")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Probe undocumented() {
        return new Probe("x");
    }
}
