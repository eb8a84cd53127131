package org.proxyfund.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * One delivery of an event to a subscription, with every attempt: the delivery log.
 *
 * @param state         PENDING (an attempt is due at nextAttemptAt), DELIVERED (a 2xx answer) or FAILED (attempts used up)
 * @param payload       the JSON body, exactly as signed and sent
 */
public record DeliveryView(long id, String eventId, String type, String state, int attempts, Instant nextAttemptAt,
                           @Schema(nullable = true, implementation = String.class, format = "date-time") Instant deliveredAt, String payload, List<Attempt> log) {

    /**
     * One attempt.
     *
     * @param status the receiver's HTTP status; null when none came (refused, timed out, guard refused the address)
     * @param error  why the attempt failed; null when it succeeded
     */
    public record Attempt(Instant at, @Schema(nullable = true) Integer status, @Schema(nullable = true) String error,
                          int durationMs) {
    }
}
