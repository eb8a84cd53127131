package org.proxyfund.common.problem;

/** The problem for a bare HTTP status the framework produced (no route, wrong method or media type, body too large). */
public final class HttpProblems {

    private HttpProblems() {
    }

    /** Whether a request path belongs to the JSON API, whose every error is a problem (pages keep their HTML). */
    public static boolean isApi(String path) {
        return path != null && (path.equals("/api") || path.startsWith("/api/"));
    }

    /** A problem with a stable code for a status the framework chose; {@code method} names the refused method for 405. */
    public static Problem forStatus(int status, String method) {
        return switch (status) {
            case 400 -> Problem.of(400, "request.invalid", "The request is not valid.");
            case 401 -> unauthorized();
            case 403 -> Problem.of(403, "auth.forbidden", "This token's account may not use this operation.");
            case 404 -> Problem.of(404, "resource.not-found", "There is no such resource.");
            case 405 -> Problem.of(405, "method.not-allowed", "This resource does not accept " + method + "; see /q/openapi for its methods.");
            case 406 -> Problem.of(406, "media.not-acceptable", "This resource answers application/json; accept that media type.");
            case 409 -> Problem.of(409, "request.conflict", "The request conflicts with the current state.");
            case 413 -> Problem.of(413, "request.too-large", "The request body is too large.");
            case 415 -> Problem.of(415, "media.unsupported", "Send the body as application/json.");
            case 429 -> Problem.of(429, "rate.limited", "Too many requests; wait as long as Retry-After says.");
            case 503 -> Problem.of(503, "service.unavailable", "The service cannot answer this now; try again later.");
            default -> status >= 500
                    ? Problem.of(status, "internal", "The service failed to answer this request.")
                    : Problem.of(status, "http." + status, "The request was refused.");
        };
    }

    /** 401: no token, or a token that is unknown, revoked or expired. */
    public static Problem unauthorized() {
        return Problem.of(401, "auth.required", "Send a valid personal API token: Authorization: Bearer <token>.");
    }
}
