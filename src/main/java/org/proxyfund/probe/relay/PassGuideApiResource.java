package org.proxyfund.probe.relay;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
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
import org.proxyfund.endpoint.EndpointService;
import org.proxyfund.common.identity.Viewer;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What one of the operator's endpoints must allow to pass its checks, as JSON (the endpoint page shows the same). */
@Path("/api/v1/endpoints/{id}/pass-guide")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("operator")
@Tag(name = "operator")
@SecurityRequirement(name = "apiToken")
public class PassGuideApiResource {

    /** The addresses and the configuration per server kind. */
    @Schema(name = "PassGuide")
    public record Guide(@Schema(description = "host:port the checks ask the proxy to reach; empty for WireGuard and OpenVPN, which relay nothing")
                        List<String> mustAllow,
                        @Schema(description = "Copy-paste configuration per server kind, with the issued credential") List<PassGuide.Snippet> snippets) {
    }

    private static final Problem NOT_FOUND = Problem.notFound("endpoint.not-found", "No such endpoint among yours.");

    private final PassGuide guide;
    private final EndpointService endpoints;
    private final Viewer viewer;

    public PassGuideApiResource(PassGuide guide, EndpointService endpoints, Viewer viewer) {
        this.guide = guide;
        this.endpoints = endpoints;
        this.viewer = viewer;
    }

    @GET
    @Operation(summary = "What the endpoint must allow to pass its checks, and configuration that passes per server kind")
    @APIResponse(responseCode = "200", description = "The guide",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Guide.class)))
    public Response get(@RestPath long id) {
        long accountId = viewer.require().accountId();
        Optional<Endpoint> found = QuarkusTransaction.requiringNew().call(() -> Endpoint.owned(id, accountId));
        if (found.isEmpty() || !found.get().state.live()) return NOT_FOUND.response();
        Endpoint e = found.get();
        Map<String, String> credential = endpoints.credentialFor(accountId, id).orElseThrow();
        String type = e.type.name();
        return Response.ok(new Guide(guide.relays(type) ? guide.mustAllow() : List.of(),
                guide.snippets(type, credential, endpoints.protocolFields(e), e.port))).build();
    }
}
