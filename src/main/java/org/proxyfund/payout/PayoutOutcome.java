package org.proxyfund.payout;

import java.util.List;

/** What a payout request did, for callers that are not the state machine (proposals, line removal). */
public sealed interface PayoutOutcome {

    /** The proposal's batches: created now ({@code created} true) or found from an earlier identical trigger. */
    record Proposed(String proposalKey, List<PayoutBatchView> batches, boolean created) implements PayoutOutcome {
        public Proposed {
            batches = List.copyOf(batches);
        }
    }

    /** Nobody is due a payout now (no payable balance over the minimum outside an open batch). */
    record NothingToPay(String proposalKey) implements PayoutOutcome {
    }

    /**
     * The command took effect, changed nothing because the batch already was where it asked ({@link Note#UNCHANGED}),
     * or was recorded pending a second admin ({@link Note#NEEDS_SECOND_ADMIN}); {@code message} in English for the admin.
     */
    record Done(PayoutBatchView batch, String message, Note note) implements PayoutOutcome {
        public Done(PayoutBatchView batch, String message) {
            this(batch, message, Note.DONE);
        }
    }

    /** How far a {@link Done} command went. */
    enum Note { DONE, UNCHANGED, NEEDS_SECOND_ADMIN }

    /** Nothing changed, with the reason in words. */
    record Refused(BatchReason reason, String message) implements PayoutOutcome {
    }

    /** No batch with that id. */
    record NotFound(long batchId) implements PayoutOutcome {
    }
}
