package org.proxyfund.payout;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import org.proxyfund.common.validation.FieldError;
import org.proxyfund.common.identity.Viewer;

import java.util.List;
import java.util.Locale;

/**
 * Payout batches as JSON for admins (bearer token): list by state, one batch in full, approve quoting the revision
 * reviewed, reject with a reason. The same single writer and the same refusals as the admin pages.
 */
@Path("/api/v1/admin/payouts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "admin")
@SecurityRequirement(name = "apiToken")
public class PayoutAdminApiResource {

    /** An approval of the revision the admin reviewed (the batch's {@code revision} as last read). */
    public record Approval(Integer revision) {
    }

    /** A rejection and why (1..500 characters). */
    public record Rejection(String reason) {
    }

    /** A page of batches, newest first; {@code nextBefore} asks for the next page (null at the end). */
    public record Page(List<PayoutBatchView> batches, @Schema(nullable = true) Long nextBefore) {
    }

    /** What an approval or rejection did, with the batch after it. */
    public record Answer(String message, PayoutBatchDetail batch) {
    }

    private static final String PROBLEM = "application/problem+json";

    @Inject
    PayoutQueries queries;
    @Inject
    PayoutService payouts;
    @Inject
    PayoutRecords records;
    @Inject
    Viewer viewer;

    @GET
    @Operation(summary = "Payout batches, newest first: all, or those in one state (PROPOSED, APPROVED, AWAITING_SIGNATURES, SIGNED, BROADCAST,"
            + " CONFIRMED, REJECTED, FAILED); page with before=<nextBefore>")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Page.class)))
    @APIResponse(responseCode = "400", description = "unknown state or limit out of 1..500",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response list(@QueryParam("state") String state, @QueryParam("before") Long before, @QueryParam("limit") Integer limit) {
        List<BatchState> states;
        try {
            states = state == null || state.isBlank() ? List.of(BatchState.values())
                    : List.of(BatchState.valueOf(state.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Problem.invalid(List.of(new FieldError("state", "payout.state.unknown",
                    "Unknown batch state " + state + "."))).response();
        }
        int n = limit == null ? 50 : limit;
        if (n < 1 || n > 500) {
            return Problem.invalid(List.of(new FieldError("limit", "limit.range", "limit must be 1..500."))).response();
        }
        List<PayoutBatchView> page = queries.page(states, before, n + 1);
        Long next = page.size() > n ? page.get(n - 1).id() : null;
        return Response.ok(new Page(page.subList(0, Math.min(n, page.size())), next)).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One batch: state, revision, totals, lines, transactions (with explorer links), approvals of the current revision, history")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PayoutBatchDetail.class)))
    @APIResponse(responseCode = "404", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response show(@RestPath long id) {
        return records.detail(id).map(d -> Response.ok(d).build()).orElseGet(() -> PayoutAnswers.notFound(id).response());
    }

    @POST
    @Path("{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve the revision you reviewed; refused (409) when the batch changed since (payout.old-revision),"
            + " when you already approved it (payout.already-approved) or when it can no longer be approved (payout.invalid-state)."
            + " Above the two-admin threshold the first approval is recorded and the batch waits for a second admin")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Answer.class)))
    @APIResponse(responseCode = "400", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response approve(@RestPath long id, Approval approval) {
        if (approval == null || approval.revision() == null) {
            return Problem.invalid(List.of(new FieldError("revision", "payout.revision.required",
                    "Quote the revision you reviewed."))).response();
        }
        return answer(id, payouts.approve(id, viewer.require().accountId(), approval.revision()));
    }

    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject a batch before it is signed, with a reason; its lines return to payable")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Answer.class)))
    @APIResponse(responseCode = "400", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response reject(@RestPath long id, Rejection rejection) {
        return answer(id, payouts.reject(id, viewer.require().accountId(), rejection == null ? null : rejection.reason()));
    }

    private Response answer(long id, PayoutOutcome outcome) {
        return outcome instanceof PayoutOutcome.Done d
                ? Response.ok(new Answer(d.message(), records.detail(id).orElseThrow())).build()
                : PayoutAnswers.problem(id, outcome).response();
    }
}
