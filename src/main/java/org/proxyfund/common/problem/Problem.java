package org.proxyfund.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.proxyfund.common.validation.FieldError;

import java.util.List;
import java.util.Objects;

/**
 * The one error body of the API: RFC 9457 problem details ({@code application/problem+json}) with a stable
 * dotted {@code code} clients match on and, for input problems only, the field errors.
 *
 * @param type   {@code https://proxyfund.org/problems/<code>}: identifies the problem type
 * @param title  the HTTP reason phrase of {@code status}: the same for every occurrence of the type
 * @param status the HTTP status code, repeated for clients that only see the body
 * @param detail an English sentence about this occurrence; never a stack trace, SQL or a secret
 * @param code   a stable dotted code such as {@code endpoint.duplicate}
 * @param errors the fields at fault (absent when the problem is not about input fields)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String code, List<FieldError> errors) {

    /** The media type of every problem answer. */
    public static final String MEDIA_TYPE = "application/problem+json";
    /** The same, parsed. */
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);
    /** Where problem types live; {@code type} is this plus the code. */
    public static final String TYPE_BASE = "https://proxyfund.org/problems/";

    public Problem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** A problem without field errors. */
    public static Problem of(int status, String code, String detail) {
        return new Problem(TYPE_BASE + code, reason(status), status, detail, code, List.of());
    }

    /** A problem about input fields: each error names its field, code and message. */
    public static Problem ofFields(int status, String code, String detail, List<FieldError> errors) {
        return new Problem(TYPE_BASE + code, reason(status), status, detail, code, errors);
    }

    /** 400 for refused input: the field errors, under the code {@code request.invalid}. */
    public static Problem invalid(List<FieldError> errors) {
        return ofFields(400, "request.invalid", errors.size() == 1 ? errors.get(0).message()
                : "The request has " + errors.size() + " invalid fields.", errors);
    }

    /** 404 with a stable code. */
    public static Problem notFound(String code, String detail) {
        return of(404, code, detail);
    }

    /** This problem as a JAX-RS answer with the right status and media type. */
    public Response response() {
        return Response.status(status).type(MEDIA).entity(this).build();
    }

    /** The standard reason phrase of a status code ("Unknown Status" for codes HTTP does not name). */
    static String reason(int status) {
        return switch (status) {
            case 422 -> "Unprocessable Content";
            case 413 -> "Content Too Large";
            default -> {
                Response.Status s = Response.Status.fromStatusCode(status);
                yield s == null ? "Unknown Status" : s.getReasonPhrase();
            }
        };
    }
}
