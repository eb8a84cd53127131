package org.proxyfund.payout;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/payouts/trigger}: the same trigger as the cron job, for a Kubernetes CronJob. Authenticated by
 * {@code Authorization: Bearer <proxyfund.payout.trigger-token>} (compared in constant time); off without a token.
 */
@Path("/api/v1/payouts/trigger")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PayoutTriggerResource {

    private static final String BEARER = "Bearer ";

    @Inject
    PayoutTrigger trigger;
    @Inject
    PayoutConfig config;

    @POST
    public Response fire(@HeaderParam("Authorization") String authorization) {
        if (config.triggerToken().isEmpty() || config.triggerToken().get().isBlank()) {
            return Response.status(503).entity(Map.of("error",
                    "the HTTP payout trigger is off: set proxyfund.payout.trigger-token to enable it")).build();
        }
        String given = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).strip() : "";
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                config.triggerToken().get().getBytes(StandardCharsets.UTF_8))) {
            return Response.status(401).header("WWW-Authenticate", "Bearer")
                    .entity(Map.of("error", "missing or wrong trigger token")).build();
        }
        PayoutOutcome outcome = trigger.run(Instant.now());
        return Response.ok(switch (outcome) {
            case PayoutOutcome.Proposed p -> Map.of("proposalKey", p.proposalKey(), "created", p.created(),
                    "batchIds", p.batches().stream().map(PayoutBatchView::id).toList());
            case PayoutOutcome.NothingToPay n -> Map.of("proposalKey", n.proposalKey(), "created", false, "batchIds", List.of());
            default -> Map.of("result", outcome.toString());
        }).build();
    }
}
