package org.proxyfund.payout;

import org.proxyfund.common.problem.Problem;
import org.proxyfund.common.validation.FieldError;

import java.util.List;

/**
 * How the outcome of an admin command on a batch (approve, reject, remove a line) answers over HTTP, in one table for
 * both surfaces: the admin pages take the status from {@link #status}, the admin API the problem from
 * {@link #problem}, whose status is the same.
 */
final class PayoutAnswers {

    private PayoutAnswers() {
    }

    /** The HTTP status of an outcome; a proposal's outcome is not a refusal of anything, so 200. */
    static int status(PayoutOutcome outcome) {
        return switch (outcome) {
            case PayoutOutcome.Done d -> 200;
            case PayoutOutcome.Refused r -> r.reason() == BatchReason.INVALID_INPUT ? 400 : 409;
            case PayoutOutcome.NotFound n -> 404;
            case PayoutOutcome.Proposed p -> 200;
            case PayoutOutcome.NothingToPay n -> 200;
        };
    }

    /**
     * The API's problem for an outcome that is not {@code Done}: the state machine's refusal with a stable code, or
     * the batch not found. A proposal's outcome is no answer to a command on a batch, so 409.
     */
    static Problem problem(long batchId, PayoutOutcome outcome) {
        return switch (outcome) {
            case PayoutOutcome.NotFound n -> notFound(batchId);
            case PayoutOutcome.Refused r -> refusal(r);
            case PayoutOutcome.Done d -> throw new IllegalArgumentException("Done is not a problem");
            default -> Problem.of(409, "payout.refused", outcome.toString());
        };
    }

    static Problem notFound(long batchId) {
        return Problem.notFound("payout.not-found", "There is no payout batch " + batchId + ".");
    }

    /** The state machine's refusal, as the admin pages show it, with a stable code. */
    static Problem refusal(PayoutOutcome.Refused r) {
        return switch (r.reason()) {
            case INVALID_INPUT -> Problem.invalid(List.of(new FieldError("reason", "payout.reason.invalid", r.message())));
            case OLD_REVISION -> Problem.of(409, "payout.old-revision", r.message());
            case ALREADY_APPROVED_BY_YOU -> Problem.of(409, "payout.already-approved", r.message());
            case INVALID_STATE -> Problem.of(409, "payout.invalid-state", r.message());
            case MAY_ALREADY_BE_SENT -> Problem.of(409, "payout.may-be-sent", r.message());
            default -> Problem.of(409, "payout.refused", r.message());
        };
    }
}
