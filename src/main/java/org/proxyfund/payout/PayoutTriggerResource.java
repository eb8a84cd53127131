package org.proxyfund.payout;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.proxyfund.common.problem.Problem;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;

/**
 * {@code POST /api/v1/payouts/trigger}: the same trigger as the cron job, for a Kubernetes CronJob. Authenticated by
 * {@code Authorization: Bearer <proxyfund.payout.trigger-token>} (compared in constant time); off without a token.
 */
@Path("/api/v1/payouts/trigger")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "payout", description = "The payout trigger for a scheduler (Kubernetes CronJob)")
@SecurityScheme(securitySchemeName = "triggerToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The value of proxyfund.payout.trigger-token (not a personal API token)")
@SecurityRequirement(name = "triggerToken")
public class PayoutTriggerResource {

    private static final String BEARER = "Bearer ";

    /** What a trigger did: the proposal's key, whether it was created now, and its batches (none when nobody is due). */
    @Schema(name = "Triggered")
    public record Triggered(String proposalKey, boolean created, List<Long> batchIds) {
    }

    @Inject
    PayoutTrigger trigger;
    @Inject
    PayoutConfig config;

    @POST
    @Operation(summary = "Settle due epochs and propose the payouts they made due; firing twice yields one proposal")
    @APIResponse(responseCode = "200", description = "The proposal (created now or found from an earlier trigger)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Triggered.class)))
    @APIResponse(responseCode = "401", description = "Missing or wrong trigger token (payout.trigger.token)")
    @APIResponse(responseCode = "503", description = "No trigger token is configured (payout.trigger.off)")
    public Response fire(@HeaderParam("Authorization") String authorization) {
        if (config.triggerToken().isEmpty() || config.triggerToken().get().isBlank()) {
            return Problem.of(503, "payout.trigger.off",
                    "The HTTP payout trigger is off: set proxyfund.payout.trigger-token to enable it.").response();
        }
        String given = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).strip() : "";
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                config.triggerToken().get().getBytes(StandardCharsets.UTF_8))) {
            return Response.fromResponse(Problem.of(401, "payout.trigger.token", "Missing or wrong trigger token.").response())
                    .header("WWW-Authenticate", "Bearer").build();
        }
        PayoutOutcome outcome = trigger.run(Instant.now());
        return switch (outcome) {
            case PayoutOutcome.Proposed p -> Response.ok(new Triggered(p.proposalKey(), p.created(),
                    p.batches().stream().map(PayoutBatchView::id).toList())).build();
            case PayoutOutcome.NothingToPay n -> Response.ok(new Triggered(n.proposalKey(), false, List.of())).build();
            default -> throw new IllegalStateException("a trigger answered " + outcome);
        };
    }
}
