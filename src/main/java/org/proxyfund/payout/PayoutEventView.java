package org.proxyfund.payout;

import java.time.Instant;

/** One recorded change of a batch, for its audit trail. */
public record PayoutEventView(long id, String kind, BatchState from, BatchState to, Long actorId, String detail,
                              Instant at) {
}
