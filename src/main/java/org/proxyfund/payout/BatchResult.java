package org.proxyfund.payout;

import java.util.Optional;

/** The outcome of one command: the new snapshot to store (and its event), or a refusal with a message. */
public sealed interface BatchResult {

    /** Accepted. No event means an idempotent repeat: nothing to store, nothing to announce. */
    record Ok(BatchSnapshot batch, Optional<BatchEvent> event) implements BatchResult {

        static Ok changed(BatchSnapshot batch, BatchEvent event) {
            return new Ok(batch, Optional.of(event));
        }

        static Ok unchanged(BatchSnapshot batch) {
            return new Ok(batch, Optional.empty());
        }
    }

    /** Recorded but not yet effective (an approval that still needs a second admin): store it, tell the admin. */
    record Pending(BatchSnapshot batch, BatchEvent event, BatchReason reason, String message) implements BatchResult {
    }

    /** Nothing changed; {@code message} says why in words an admin or operator can act on. */
    record Refused(BatchReason reason, String message) implements BatchResult {
    }
}
