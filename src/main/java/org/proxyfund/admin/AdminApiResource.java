package org.proxyfund.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import org.proxyfund.endpoint.Endpoint;
import org.proxyfund.endpoint.EndpointService;
import org.proxyfund.endpoint.EndpointState;
import org.proxyfund.operator.Account;
import org.proxyfund.operator.AccountService;
import org.proxyfund.common.identity.Actor;
import org.proxyfund.common.identity.AuditEntry;
import org.proxyfund.operator.OperatorState;
import org.proxyfund.operator.TransitionResult;
import org.proxyfund.common.identity.Viewer;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Admin operations as JSON: page through operators and endpoints, approve or suspend them, read the audit log. */
@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "admin", description = "Operator approval and the audit log (admins only)")
@SecurityRequirement(name = "apiToken")
public class AdminApiResource {

    /** An operator as admins see it. */
    @Schema(name = "AdminOperator")
    public record OperatorView(long id, String handle, String state, OffsetDateTime createdAt, OffsetDateTime stateChangedAt) {
        static OperatorView of(Account a) {
            return new OperatorView(a.id, a.handle, a.state.name(), a.createdAt, a.stateChangedAt);
        }
    }

    /** A requested state change; a reason is required for SUSPENDED. */
    @Schema(name = "StateChange", requiredProperties = "state")
    public record StateChange(@Schema(description = "APPROVED or SUSPENDED") String state,
                              @Schema(description = "Required to suspend; kept in the audit log") String reason) {
    }

    /** One audit log line; {@code id} is also the paging cursor. */
    @Schema(name = "AuditLine")
    public record AuditView(long id, OffsetDateTime at, @Schema(nullable = true) String actor, String subjectType, long subjectId,
                            String action, @Schema(nullable = true) String detail) {
    }

    @Inject
    Viewer viewer;

    @Inject
    AccountService accounts;

    @Inject
    EndpointService endpoints;

    @Inject
    FlagService flags;

    @Context
    UriInfo uri;

    @GET
    @Path("operators")
    @Operation(summary = "Operators, newest first, a page at a time, optionally only those in one state (PENDING, APPROVED,"
            + " SUSPENDED); the Link header names the next (older) and previous (newer) pages")
    @APIResponse(responseCode = "200", description = "One page of operators (Link header: the next and previous pages)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = OperatorView.class)))
    public Response operators(@QueryParam("state") String state, @QueryParam("before") String before,
                              @QueryParam("after") String after, @QueryParam("limit") String limit) {
        OperatorState s = AdminListsResource.parse(OperatorState.class, state);
        if (state != null && !state.isBlank() && s == null) {
            return unknownState("state", OperatorState.values()).response();
        }
        return paged(Keyset.parse(before, after, limit), k -> Account.operatorsPage(s, k), OperatorView::of);
    }

    @POST
    @Path("operators/{id}/state")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move an operator to another state (transition table: PENDING→APPROVED|SUSPENDED, APPROVED→SUSPENDED, SUSPENDED→APPROVED)")
    @APIResponse(responseCode = "200", description = "The operator in its new state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OperatorView.class)))
    @APIResponse(responseCode = "409", description = "The transition table does not allow this move (state.not-allowed)")
    public Response changeState(@RestPath long id, StateChange change) {
        OperatorState next;
        try {
            next = OperatorState.valueOf(change == null || change.state() == null ? "" : change.state().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return unknownState("state", OperatorState.values()).response();
        }
        var p = viewer.require();
        TransitionResult r = accounts.transitionTo(id, next, new Actor(p.accountId(), p.handle()), change.reason());
        return r == TransitionResult.DONE ? Response.ok(OperatorView.of(Account.findById(id))).build() : TransitionAnswers.problem(r, "operator").response();
    }

    /** An endpoint as admins see it (never its credential). */
    @Schema(name = "AdminEndpoint")
    public record EndpointView(long id, long operatorId, String type, String host, int port, String region, String state,
                               @Schema(nullable = true) String subnet, int addressVersion) {
        static EndpointView of(Endpoint e) {
            return new EndpointView(e.id, e.accountId, e.type.name(), e.host, e.port, e.region, e.state.name(), e.subnet, e.addressVersion);
        }
    }

    @GET
    @Path("endpoints")
    @Operation(summary = "Endpoints of all operators, newest first, a page at a time, optionally only those in one state"
            + " (PENDING, APPROVED, SUSPENDED, RETIRED); the Link header names the next (older) and previous (newer) pages")
    @APIResponse(responseCode = "200", description = "One page of endpoints (Link header: the next and previous pages)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = EndpointView.class)))
    public Response endpoints(@QueryParam("state") String state, @QueryParam("before") String before,
                              @QueryParam("after") String after, @QueryParam("limit") String limit) {
        EndpointState s = AdminListsResource.parse(EndpointState.class, state);
        if (state != null && !state.isBlank() && s == null) {
            return unknownState("state", EndpointState.values()).response();
        }
        return paged(Keyset.parse(before, after, limit), k -> Endpoint.page(null, s, k), EndpointView::of);
    }

    @POST
    @Path("endpoints/{id}/state")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve or suspend an endpoint (same transition table as operators; a reason is required to suspend)")
    @APIResponse(responseCode = "200", description = "The endpoint in its new state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EndpointView.class)))
    @APIResponse(responseCode = "409", description = "The transition table does not allow this move (state.not-allowed)")
    public Response changeEndpointState(@RestPath long id, StateChange change) {
        EndpointState next;
        try {
            next = EndpointState.valueOf(change == null || change.state() == null ? "" : change.state().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return unknownState("state", EndpointState.values()).response();
        }
        var p = viewer.require();
        TransitionResult r = endpoints.transitionTo(id, next, new Actor(p.accountId(), p.handle()), change.reason());
        return r == TransitionResult.DONE ? Response.ok(EndpointView.of(Endpoint.findById(id))).build() : TransitionAnswers.problem(r, "endpoint").response();
    }

    @GET
    @Path("flags")
    @Operation(summary = "Signs of one person behind several operators: many sign-ups from one address, same /24 or /48, shared payout address")
    public List<FlagService.Flag> flags() {
        return flags.all();
    }

    private static Problem unknownState(String field, Enum<?>[] states) {
        return Problem.invalid(List.of(new FieldError(field, "state.unknown",
                "Unknown state; use one of: " + java.util.Arrays.stream(states).map(Enum::name).collect(java.util.stream.Collectors.joining(", ")) + ".")));
    }

    @GET
    @Path("audit")
    @Operation(summary = "The audit log, newest first, a page at a time; the Link header names the next (older) and previous"
            + " (newer) pages")
    @APIResponse(responseCode = "200", description = "One page of audit lines (Link header: the next and previous pages)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = AuditView.class)))
    public Response audit(@QueryParam("before") String before, @QueryParam("after") String after, @QueryParam("limit") String limit) {
        return paged(Keyset.parse(before, after, limit), AuditEntry::page,
                e -> new AuditView(e.id, e.at, e.actorHandle, e.subjectType, e.subjectId, e.action, e.detail));
    }

    /** One page as a JSON array, its neighbours in the Link header; a malformed cursor or limit is a 400 field error. */
    private <T, V> Response paged(Keyset.Parsed k, Function<Keyset, Page<T>> fetch, Function<T, V> view) {
        if (!k.ok()) {
            return Problem.invalid(List.of(k.error())).response();
        }
        Page<T> page = fetch.apply(k.keyset());
        Response.ResponseBuilder r = Response.ok(page.items().stream().map(view).toList());
        String link = PageLinks.of(uri, page).header();
        return (link == null ? r : r.header("Link", link)).build();
    }
}
