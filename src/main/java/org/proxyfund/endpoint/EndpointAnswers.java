package org.proxyfund.endpoint;

import org.proxyfund.common.problem.Problem;
import org.proxyfund.common.validation.FieldError;

import java.util.List;

/**
 * How a refused registration, rotation or retirement of an endpoint answers over HTTP: {@link #problem} for the API,
 * {@link #pageStatus} for the operator's endpoint pages. The pages show every refusal of the form's input as 400 on
 * the form itself; the API tells a conflict with the service's state (409) from bad input (400).
 */
public final class EndpointAnswers {

    /** Another operator's endpoint, or none: the same answer, so ids reveal nothing. */
    public static final Problem NOT_FOUND = Problem.notFound("endpoint.not-found", "No such endpoint among yours.");

    private EndpointAnswers() {
    }

    /** Whether the refusal is that the endpoint is not the operator's (or does not exist). */
    public static boolean notFound(List<FieldError> errors) {
        return errors.get(0).code().equals("endpoint.not-found");
    }

    /** The page's status for a refusal: 404 for an endpoint that is not the operator's, otherwise 400 with the form. */
    public static int pageStatus(List<FieldError> errors) {
        return notFound(errors) ? 404 : 400;
    }

    /**
     * The API's problem for a refusal: a missing endpoint is 404, an address already registered, the per-operator
     * limit or a retired endpoint is 409 (the state of the service, not the input, is in the way), the rest 400.
     */
    public static Problem problem(List<FieldError> errors) {
        String code = errors.get(0).code();
        if (notFound(errors)) {
            return NOT_FOUND;
        }
        if (code.equals("endpoint.duplicate") || code.equals("endpoint.limit") || code.equals("endpoint.retired")) {
            return Problem.ofFields(409, code, errors.get(0).message(), errors);
        }
        return Problem.invalid(errors);
    }
}
