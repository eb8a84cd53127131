package org.proxyfund.maintenance;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.proxyfund.common.identity.Viewer;
import org.proxyfund.common.problem.Problem;
import org.proxyfund.endpoint.EndpointAnswers;

import java.util.List;

/** Maintenance windows of the operator's endpoints through the API: list, declare ahead of time, cancel before start. */
@Path("/api/v1/endpoints/{id}/maintenance")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("operator")
@Tag(name = "operator")
@SecurityRequirement(name = "apiToken")
public class MaintenanceApiResource {

    /** A window to declare: its start (a whole UTC hour after now) and its length in whole hours. */
    @Schema(name = "MaintenanceDeclaration", requiredProperties = {"startsAt", "hours"})
    public record Declaration(@Schema(example = "2026-12-24T03:00:00Z") String startsAt, Integer hours) {
    }

    static final Problem NOT_CANCELLABLE = Problem.notFound("maintenance.not-cancellable",
            "This endpoint has no window with this id that has not started; a window that started cannot be cancelled.");

    @Inject
    Viewer viewer;
    @Inject
    MaintenanceService service;

    @GET
    @Operation(summary = "The endpoint's maintenance windows, newest start first (at most 50)")
    @APIResponse(responseCode = "200", description = "The windows", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MaintenanceWindow.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "No endpoint of yours has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(@PathParam("id") long id) {
        return service.windows(viewer.require().accountId(), id).<Response>map(l -> Response.ok(l).build())
                .orElseGet(EndpointAnswers.NOT_FOUND::response);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Declare a maintenance window ahead of time: checks keep running, and its DOWN checks are excused"
            + " from the epoch's downtime up to the allowance per epoch")
    @APIResponse(responseCode = "201", description = "The declared window", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MaintenanceWindow.class)))
    @APIResponse(responseCode = "400", description = "Refused input (start not a future whole hour, length out of range, too many windows)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No endpoint of yours has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response declare(@PathParam("id") long id, Declaration body) {
        Declaration d = body == null ? new Declaration(null, null) : body;
        return answer(service.declare(viewer.require().accountId(), id, d.startsAt(), d.hours()), 201);
    }

    @DELETE
    @Path("{windowId}")
    @Operation(summary = "Cancel a window that has not started")
    @APIResponse(responseCode = "200", description = "The cancelled window", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MaintenanceWindow.class)))
    @APIResponse(responseCode = "404", description = "No endpoint of yours has this id (endpoint.not-found), or it has no window with this id that has not started (maintenance.not-cancellable)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response cancel(@PathParam("id") long id, @PathParam("windowId") long windowId) {
        return answer(service.cancel(viewer.require().accountId(), id, windowId), 200);
    }

    private static Response answer(MaintenanceResult r, int status) {
        return switch (r) {
            case MaintenanceResult.Done d -> Response.status(status).entity(d.window()).build();
            case MaintenanceResult.Invalid i -> Problem.invalid(List.copyOf(i.errors())).response();
            case MaintenanceResult.NotFound n -> EndpointAnswers.NOT_FOUND.response();
            case MaintenanceResult.NotCancellable n -> NOT_CANCELLABLE.response();
        };
    }
}
