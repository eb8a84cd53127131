package org.proxyfund.vantage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.proxyfund.common.identity.Viewer;
import org.proxyfund.common.problem.Problem;
import org.proxyfund.endpoint.EndpointQueries;
import org.proxyfund.probe.history.UptimeService;

import java.time.Instant;

/** One of the operator's endpoints as the probe agents inside each region see it, as JSON (the endpoint page says the same). */
@Path("/api/v1/endpoints/{id}/regions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("operator")
@Tag(name = "operator")
@SecurityRequirement(name = "apiToken")
public class RegionApiResource {

    private static final Problem NOT_FOUND = Problem.notFound("endpoint.not-found", "No such endpoint among yours.");

    private final Viewer viewer;
    private final EndpointQueries endpoints;
    private final UptimeService uptime;
    private final RegionQueries regions;

    public RegionApiResource(Viewer viewer, EndpointQueries endpoints, UptimeService uptime, RegionQueries regions) {
        this.viewer = viewer;
        this.endpoints = endpoints;
        this.uptime = uptime;
        this.regions = regions;
    }

    @GET
    @Operation(summary = "The endpoint's verdict in each region its probe agents check it from (UP, DOWN, BLOCKED, PARTIAL, UNKNOWN),"
            + " with the networks down and seen, the quorum, the kind of interference and since when")
    @APIResponse(responseCode = "200", description = "One entry per region, in region order; empty when no agent checked it lately",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = RegionStatus.class)))
    public Response get(@RestPath long id) {
        long accountId = viewer.require().accountId();
        if (!endpoints.idsOf(accountId).contains(id)) return NOT_FOUND.response();
        boolean outsideUp = "UP".equals(uptime.current(id).state());
        return Response.ok(regions.forEndpoint(id, outsideUp, Instant.now())).build();
    }
}
