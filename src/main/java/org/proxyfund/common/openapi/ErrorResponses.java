package org.proxyfund.common.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.proxyfund.common.problem.Problem;

/**
 * The error answers an operation can give, derived from what it is: every one may answer 406 and 500; one with a
 * bearer requirement 401 and 403 (missing role, suspended account); one with a body 400, 413 and 415; one with path
 * parameters 404; one with query parameters 400. Answers an operation declares itself stay, given the problem body.
 */
final class ErrorResponses {

    private ErrorResponses() {
    }

    static void addTo(String path, Operation op) {
        if (op.getResponses() == null) {
            op.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = op.getResponses();
        boolean secured = op.getSecurity() != null && !op.getSecurity().isEmpty();
        boolean body = op.getRequestBody() != null;
        boolean pathParams = path.contains("{");
        boolean queryParams = op.getParameters() != null
                && op.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY);
        if (body || queryParams) {
            add(responses, "400", "Invalid input: the field errors say which fields and why (request.invalid).");
        }
        if (secured) {
            add(responses, "401", "No valid bearer token (auth.required).");
            add(responses, "403", "The token's account lacks the role (auth.forbidden) or is suspended (account.suspended).");
        }
        if (pathParams) {
            add(responses, "404", "No such object, or one of another operator.");
        }
        add(responses, "406", "The request accepts no JSON (media.not-acceptable).");
        if (body) {
            add(responses, "413", "The body is over the size limit (request.too-large).");
            add(responses, "415", "The body is not application/json (media.unsupported).");
        }
        add(responses, "500", "A failure of the service; detail carries a reference found in its log (internal).");
        responses.getAPIResponses().forEach((status, r) -> {
            if (r.getDescription() == null || r.getDescription().isBlank()) {
                r.setDescription(status.chars().allMatch(Character::isDigit) ? Problem.of(Integer.parseInt(status), "x", "x").title() : "Answer");
            }
            if (!status.startsWith("2") && !status.startsWith("3") && (r.getContent() == null || r.getContent().getMediaTypes() == null
                    || r.getContent().getMediaTypes().isEmpty())) {
                r.setContent(problemContent());
            }
        });
    }

    private static void add(APIResponses responses, String status, String description) {
        if (responses.getAPIResponse(status) == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description).content(problemContent()));
        }
    }

    private static org.eclipse.microprofile.openapi.models.media.Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(ProblemSchemas.PROBLEM)));
    }
}
