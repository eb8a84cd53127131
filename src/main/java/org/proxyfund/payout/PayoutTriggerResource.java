package org.proxyfund.payout;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
public class PayoutTriggerResource {

    private static final String BEARER = "Bearer ";

    /** What a trigger did: the proposal's key, whether it was created now, and its batches (none when nobody is due). */
    public record Triggered(String proposalKey, boolean created, List<Long> batchIds) {
    }

    @Inject
    PayoutTrigger trigger;
    @Inject
    PayoutConfig config;

    @POST
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
