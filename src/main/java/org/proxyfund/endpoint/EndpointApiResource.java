package org.proxyfund.endpoint;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.proxyfund.common.paging.Keyset;
import org.proxyfund.common.paging.Page;
import org.proxyfund.common.paging.PageLinks;
import org.proxyfund.common.problem.Problem;
import org.proxyfund.common.validation.FieldError;
import org.proxyfund.common.identity.Actor;
import org.proxyfund.common.identity.Principal;
import org.proxyfund.common.identity.Viewer;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The operator's endpoints as JSON: list, register, read with credential, rotate, retire. Another operator's endpoint
 * is 404.
 */
@Path("/api/v1/endpoints")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("operator")
@Tag(name = "operator")
@SecurityRequirement(name = "apiToken")
public class EndpointApiResource {

    /** A registration: type, host, port, region, optional label, and the type's protocol fields. */
    @Schema(name = "Registration", requiredProperties = {"type", "host", "port", "region"})
    public record Registration(EndpointType type, @Schema(maxLength = 100) String label, String host, Integer port, String region,
                               @Schema(description = "The type's settings, e.g. cipher (SHADOWSOCKS), transport (OPENVPN)")
                               Map<String, String> protocolFields) {
    }

    /** A move to a new host and/or port (either may stay as it is). */
    @Schema(name = "Rotation")
    public record Rotation(String host, Integer port) {
    }

    /**
     * An endpoint; credential only in the owner's single-endpoint and registration answers, and never once it is
     * retired (state RETIRED, retiredAt set).
     */
    @Schema(name = "OperatorEndpoint")
    public record EndpointView(long id, String type, @Schema(nullable = true) String label, String host, int port, String region,
                               String state, int addressVersion, Map<String, String> protocolFields,
                               @Schema(nullable = true, description = "What to configure on the proxy; null in lists and once retired")
                               Map<String, String> credential,
                               OffsetDateTime createdAt,
                               @Schema(nullable = true, implementation = String.class, format = "date-time") OffsetDateTime retiredAt) {
    }

    private static final Problem NOT_FOUND = EndpointAnswers.NOT_FOUND;

    @Inject
    Viewer viewer;

    @Inject
    EndpointService endpoints;

    @Inject
    EndpointRetirement retirement;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "The operator's endpoints, live and retired, newest first, a page at a time (without credentials),"
            + " optionally only those in one state; the Link header names the next (older) and previous (newer) pages")
    @APIResponse(responseCode = "200", description = "One page of endpoints (Link header: the next and previous pages)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = EndpointView.class)))
    public Response list(@QueryParam("state") String state, @QueryParam("before") String before,
                         @QueryParam("after") String after, @QueryParam("limit") String limit) {
        EndpointState s = null;
        if (state != null && !state.isBlank()) {
            try {
                s = EndpointState.valueOf(state.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return Problem.invalid(List.of(new FieldError("state", "state.unknown", "Unknown state; use one of: "
                        + java.util.Arrays.toString(EndpointState.values()) + "."))).response();
            }
        }
        Keyset.Parsed k = Keyset.parse(before, after, limit);
        if (!k.ok()) {
            return Problem.invalid(List.of(k.error())).response();
        }
        Page<Endpoint> page = Endpoint.page(viewer.require().accountId(), s, k.keyset());
        Response.ResponseBuilder r = Response.ok(page.items().stream().map(e -> view(e, null)).toList());
        String link = PageLinks.of(uri, page).header();
        return (link == null ? r : r.header("Link", link)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register an endpoint; the answer carries the monitor credential to configure on the proxy")
    @APIResponse(responseCode = "201", description = "Registered, PENDING until an admin approves it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EndpointView.class)))
    @APIResponse(responseCode = "409", description = "The address is registered already (endpoint.duplicate) or the operator has reached the limit (endpoint.limit)")
    public Response register(Registration r) {
        if (r == null) {
            return Problem.invalid(List.of(new FieldError("body", "request.empty", "Send a JSON body."))).response();
        }
        Principal p = viewer.require();
        EndpointService.Result result = endpoints.register(p.accountId(),
                new EndpointDraft(r.type(), r.host(), r.port(), r.region(), r.protocolFields()), r.label(), new Actor(p.accountId(), p.handle()));
        if (!result.ok()) {
            return EndpointAnswers.problem(result.errors()).response();
        }
        return Response.status(201).entity(withCredential(result.endpoint().id)).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One of the operator's endpoints, with its monitor credential")
    @APIResponse(responseCode = "200", description = "The endpoint",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EndpointView.class)))
    public Response get(@RestPath long id) {
        EndpointView v = withCredential(id);
        return v == null ? NOT_FOUND.response() : Response.ok(v).build();
    }

    @POST
    @Path("{id}/rotate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move an endpoint to a new host/port, keeping its identity and history; issues a fresh credential")
    @APIResponse(responseCode = "200", description = "The endpoint at its new address, with its new credential",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EndpointView.class)))
    @APIResponse(responseCode = "409", description = "Another endpoint has this address (endpoint.duplicate) or this one is retired (endpoint.retired)")
    public Response rotate(@RestPath long id, Rotation r) {
        Principal p = viewer.require();
        EndpointService.Result result = endpoints.rotate(p.accountId(), id, r == null ? null : r.host(), r == null ? null : r.port(),
                new Actor(p.accountId(), p.handle()));
        if (!result.ok()) {
            return EndpointAnswers.problem(result.errors()).response();
        }
        return Response.ok(withCredential(id)).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Retire an endpoint: never checked or paid again, no longer counted against the limit, its address free;"
            + " its history, settlements and payouts stay. Retiring a retired endpoint changes nothing")
    @APIResponse(responseCode = "200", description = "The endpoint, RETIRED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EndpointView.class)))
    public Response retire(@RestPath long id) {
        Principal p = viewer.require();
        EndpointRetirement.Outcome o = retirement.retire(p.accountId(), id, new Actor(p.accountId(), p.handle()));
        if (o == EndpointRetirement.Outcome.NOT_FOUND) {
            return NOT_FOUND.response();
        }
        return Response.ok(withCredential(id)).build();
    }

    private EndpointView withCredential(long id) {
        long accountId = viewer.require().accountId();
        return Endpoint.owned(id, accountId)
                .map(e -> view(e, e.state.live() ? endpoints.credentialFor(accountId, id).orElseThrow() : null))
                .orElse(null);
    }

    private EndpointView view(Endpoint e, Map<String, String> credential) {
        return new EndpointView(e.id, e.type.name(), e.label, e.host, e.port, e.region, e.state.name(), e.addressVersion,
                endpoints.protocolFields(e), credential, e.createdAt, e.retiredAt);
    }
}
