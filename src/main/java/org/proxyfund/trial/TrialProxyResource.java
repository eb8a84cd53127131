package org.proxyfund.trial;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.proxyfund.common.identity.Viewer;

import java.net.URI;

/**
 * Trial mode's "run this proxy here" for an operator's own SOCKS5 endpoint on this machine's loopback
 * ({@code POST /trial/endpoints/{id}/proxy}): a real microsocks with the issued credential ({@link TrialProxies}).
 * Outside trial mode it does not exist (404).
 */
@Path("/trial/endpoints/{id}/proxy")
public class TrialProxyResource {

    @Inject
    TrialMode trial;
    @Inject
    Viewer viewer;
    @Inject
    TrialProxies proxies;

    @POST
    @Operation(hidden = true)
    public Response run(@RestPath long id, @RestForm String csrf) {
        trial.require();
        if (!viewer.signedIn()) {
            throw new UnauthorizedException();
        }
        TrialProxies.Outcome outcome = proxies.start(viewer.require().accountId(), id);
        if (outcome.refusal() == TrialProxies.Refusal.NOT_FOUND) {
            throw new NotFoundException(); // not this operator's, or retired
        }
        // The endpoint's page says what runs: the proxy, or why not (no program installed; a failure is in the log).
        return Response.seeOther(URI.create("/endpoints/" + id + "#trial-proxy")).build();
    }

    /** For the endpoint page: {@code {trialproxy:installed}} and {@code {trialproxy:running(endpoint.id)}}. */
    @TemplateExtension(namespace = "trialproxy")
    static final class Globals {
        private Globals() {
        }

        static boolean installed() {
            return Arc.container().instance(TrialMode.class).get().on()
                    && Arc.container().instance(TrialProxies.class).get().program().isPresent();
        }

        static boolean running(long endpointId) {
            return Arc.container().instance(TrialProxies.class).get().running(endpointId);
        }
    }
}
