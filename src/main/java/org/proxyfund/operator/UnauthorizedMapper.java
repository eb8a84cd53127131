package org.proxyfund.operator;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.proxyfund.common.problem.HttpProblems;

import java.net.URI;

/**
 * A request without a valid sign-in: pages redirect to the login page; the API answers 401 with a problem and
 * {@code WWW-Authenticate: Bearer} (the same answers {@link TokenAuthenticationMechanism} gives as challenges).
 */
public class UnauthorizedMapper {

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(UriInfo uri) {
        if (HttpProblems.isApi(uri.getPath())) {
            return Response.fromResponse(HttpProblems.unauthorized().response()).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
        }
        return Response.status(302).location(URI.create("/login")).build();
    }
}
