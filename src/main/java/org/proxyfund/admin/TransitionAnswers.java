package org.proxyfund.admin;

import org.proxyfund.common.problem.Problem;
import org.proxyfund.common.validation.FieldError;
import org.proxyfund.operator.TransitionResult;

import java.util.List;

/**
 * How an admin's change of an operator's or endpoint's state answers over HTTP, in one table for both surfaces: the
 * console page takes the status from {@link #status}, the admin API the problem from {@link #problem}, whose status is
 * the same.
 */
final class TransitionAnswers {

    private TransitionAnswers() {
    }

    static int status(TransitionResult r) {
        return switch (r) {
            case DONE -> 200;
            case NOT_FOUND -> 404;
            case NOT_ALLOWED -> 409;
            case REASON_REQUIRED -> 400;
        };
    }

    /** The API's problem for a refused change of {@code subject} ("operator", "endpoint"). */
    static Problem problem(TransitionResult r, String subject) {
        return switch (r) {
            case NOT_FOUND -> Problem.notFound(subject + ".not-found", "No such " + subject + ".");
            case NOT_ALLOWED -> Problem.of(status(r), "state.not-allowed", "The transition table does not allow this move from the current state.");
            case REASON_REQUIRED -> Problem.invalid(List.of(new FieldError("reason", "state.reason-required", "A reason is required to suspend.")));
            case DONE -> throw new IllegalArgumentException("DONE is not a refusal");
        };
    }
}
