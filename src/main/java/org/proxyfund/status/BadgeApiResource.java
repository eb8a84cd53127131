package org.proxyfund.status;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

import java.util.Optional;

/** An endpoint's public badge through the API: read, publish, rotate, revoke. Another operator's endpoint is 404. */
@Path("/api/v1/endpoints/{id}/badge")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("operator")
@Tag(name = "operator")
@SecurityRequirement(name = "apiToken")
public class BadgeApiResource {

    @Inject
    Viewer viewer;
    @Inject
    BadgeService badges;

    @GET
    @APIResponse(responseCode = "200", description = "The badge after the action",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BadgeView.class)))
    @APIResponse(responseCode = "404", description = "No endpoint of yours has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Operation(summary = "The endpoint's badge: its public id and path, or nulls when none is published")
    public Response read(@PathParam("id") long id) {
        return answer(badges.view(viewer.require().accountId(), id));
    }

    @POST
    @APIResponse(responseCode = "200", description = "The badge after the action",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BadgeView.class)))
    @APIResponse(responseCode = "404", description = "No endpoint of yours has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Operation(summary = "Publish a badge under a new random id (an already published badge is kept as it is)")
    public Response publish(@PathParam("id") long id) {
        return act(id, BadgeAction.PUBLISH);
    }

    @POST
    @Path("rotate")
    @APIResponse(responseCode = "200", description = "The badge after the action",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BadgeView.class)))
    @APIResponse(responseCode = "404", description = "No endpoint of yours has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Operation(summary = "Give the badge a new random id; the old address stops working")
    public Response rotate(@PathParam("id") long id) {
        return act(id, BadgeAction.ROTATE);
    }

    @DELETE
    @APIResponse(responseCode = "200", description = "The badge after the action",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BadgeView.class)))
    @APIResponse(responseCode = "404", description = "No endpoint of yours has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Operation(summary = "Stop publishing the badge; its address answers 404")
    public Response revoke(@PathParam("id") long id) {
        return act(id, BadgeAction.REVOKE);
    }

    private Response act(long id, BadgeAction action) {
        return answer(badges.apply(viewer.require().accountId(), id, action));
    }

    private static Response answer(Optional<BadgeView> view) {
        return view.map(v -> Response.ok(v).build())
                .orElseGet(EndpointAnswers.NOT_FOUND::response);
    }
}
