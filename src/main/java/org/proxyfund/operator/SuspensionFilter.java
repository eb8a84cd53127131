package org.proxyfund.operator;

import org.proxyfund.common.identity.Principal;

import org.proxyfund.common.identity.Viewer;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.proxyfund.common.problem.HttpProblems;
import org.proxyfund.common.problem.Problem;
import org.proxyfund.web.Pages;

import java.util.Optional;
import java.util.Set;

/**
 * A suspended account changes nothing: every request that could write (any method but GET, HEAD and OPTIONS), on
 * pages and API alike, is refused with 403 and a message saying why; reading its own data still works. One filter
 * rather than a check per resource, so a new write path cannot forget it. Signing in and out stays possible.
 */
public class SuspensionFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    /** Session changes, not changes to the account's data: a suspended operator may still sign out. */
    private static final Set<String> SESSION_PATHS = Set.of("/login", "/logout", "/signup");

    @Inject
    Viewer viewer;

    @Inject
    Pages pages;

    @Location("operator/suspended")
    Template page;

    @ServerRequestFilter
    public Optional<Response> refuseWritesOfSuspendedAccounts(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod())) {
            return Optional.empty();
        }
        String path = request.getUriInfo().getPath();
        boolean suspended = viewer.principal().map(Principal::suspended).orElse(false);
        if (!suspended || SESSION_PATHS.contains(path)) {
            return Optional.empty();
        }
        if (HttpProblems.isApi(path)) {
            return Optional.of(Problem.of(403, "account.suspended",
                    "This account is suspended: it can read its data but change nothing. Ask the admins to lift the suspension.").response());
        }
        return Optional.of(Response.status(403).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(pages.page(page.instance()).render()).build());
    }
}
