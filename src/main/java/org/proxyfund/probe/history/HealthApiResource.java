package org.proxyfund.probe.history;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.proxyfund.common.problem.Problem;
import org.proxyfund.endpoint.Endpoint;
import org.proxyfund.common.identity.Viewer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Uptime of the operator's own endpoints as JSON; another operator's endpoint is 404, as in the endpoint API. */
@Path("/api/v1/uptime")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("operator")
@Tag(name = "operator")
@SecurityRequirement(name = "apiToken")
public class HealthApiResource {

    @Inject
    Viewer viewer;

    @Inject
    UptimeService uptime;

    @GET
    @Operation(summary = "Uptime (24 h, 7 d, 30 d; up / (up + down), UNKNOWN excluded) and latest check of each of the operator's endpoints")
    public List<HealthJson.EndpointUptimeView> mine() {
        long accountId = viewer.require().accountId();
        Instant now = Instant.now();
        Map<Long, EndpointUptime> windows = uptime.forAccount(accountId, now);
        Map<Long, CurrentCheck> current = uptime.currentForAccount(accountId);
        return windows.values().stream()
                .map(u -> HealthJson.EndpointUptimeView.of(u, current.getOrDefault(u.endpointId(), CurrentCheck.NONE), null)).toList();
    }

    @GET
    @Path("{endpointId}")
    @Operation(summary = "Uptime windows, latest check and the last 168 hourly points (UTC, oldest first) of one of the operator's endpoints")
    @APIResponse(responseCode = "200", description = "The endpoint's uptime",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HealthJson.EndpointUptimeView.class)))
    @APIResponse(responseCode = "404", description = "No such endpoint among the operator's own")
    public Response one(@RestPath long endpointId) {
        if (Endpoint.owned(endpointId, viewer.require().accountId()).isEmpty()) {
            return Problem.notFound("endpoint.not-found", "No such endpoint among yours.").response();
        }
        Instant now = Instant.now();
        return Response.ok(HealthJson.EndpointUptimeView.of(uptime.uptime(endpointId, now), uptime.current(endpointId),
                uptime.series(endpointId, now))).build();
    }
}
