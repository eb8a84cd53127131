package org.proxyfund.payout;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One recorded change of a batch, for its audit trail. */
public record PayoutEventView(long id, String kind, @Schema(nullable = true) BatchState from, BatchState to, @Schema(nullable = true) Long actorId, @Schema(nullable = true) String detail,
                              Instant at) {
}
