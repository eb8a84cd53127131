package org.proxyfund.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Set;

/**
 * The one place where exceptions raised while serving the API become HTTP answers: each a {@link Problem}.
 * Outside {@code /api/} (pages) a framework exception keeps its plain JAX-RS answer. Failures outside JAX-RS
 * (unknown paths, oversized bodies, unmapped errors) are answered by {@link ApiRoutes}.
 */
public class ProblemMappers {

    /** Headers of the framework's answer worth keeping (Allow on 405, Retry-After, WWW-Authenticate). */
    private static final Set<String> KEPT = Set.of(HttpHeaders.ALLOW.toLowerCase(), HttpHeaders.RETRY_AFTER.toLowerCase(),
            HttpHeaders.WWW_AUTHENTICATE.toLowerCase());

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.problem().response();
    }

    /** A body of the wrong shape: wrong type, unknown field, number for an enum, fraction for an integer. */
    @ServerExceptionMapper
    public Response json(MismatchedInputException e) {
        return JsonProblems.of(e).response();
    }

    /** 404/405/406/415 from routing, 400 from an unreadable body; on pages the plain JAX-RS answer. */
    @ServerExceptionMapper
    public Response web(WebApplicationException e, ContainerRequestContext request) {
        Response original = e.getResponse();
        if (!HttpProblems.isApi(request.getUriInfo().getPath())) {
            return original;
        }
        Problem p = e.getCause() instanceof JsonProcessingException json
                ? JsonProblems.of(json)
                : HttpProblems.forStatus(original.getStatus(), request.getMethod());
        Response.ResponseBuilder b = Response.status(p.status()).type(Problem.MEDIA).entity(p);
        original.getHeaders().forEach((name, values) -> {
            if (KEPT.contains(name.toLowerCase())) {
                values.forEach(v -> b.header(name, v));
            }
        });
        return b.build();
    }
}
