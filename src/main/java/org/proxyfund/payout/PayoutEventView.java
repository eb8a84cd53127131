package org.proxyfund.payout;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;

/**
 * One recorded change of a batch, for its audit trail: {@code detail} in English, {@code facts} the same as named
 * values (absent for events recorded before they were kept).
 */
public record PayoutEventView(long id, String kind, @Schema(nullable = true) BatchState from, BatchState to,
                              @Schema(nullable = true) Long actorId, @Schema(nullable = true) String detail,
                              @Schema(nullable = true, description = "The event's facts as named values, e.g. txid,"
                                      + " revision, totalSats, confirmations") Map<String, Object> facts,
                              Instant at) {
}
