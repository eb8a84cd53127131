package org.proxyfund.admin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.proxyfund.common.paging.Keyset;
import org.proxyfund.common.paging.Page;
import org.proxyfund.endpoint.Endpoint;
import org.proxyfund.endpoint.EndpointService;
import org.proxyfund.endpoint.EndpointState;
import org.proxyfund.operator.Account;
import org.proxyfund.operator.AccountService;
import org.proxyfund.common.identity.Actor;
import org.proxyfund.operator.OperatorState;
import org.proxyfund.operator.Problems;
import org.proxyfund.operator.TransitionResult;
import org.proxyfund.common.identity.Viewer;
import org.proxyfund.settlement.HoldService;
import org.proxyfund.web.Pages;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The admin console: the newest operators and endpoints waiting for approval, approve/suspend with a reason, flags;
 * links to the full lists ({@link AdminListsResource}).
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("admin")
public class AdminResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance console(Page<Account> pending, Page<Endpoint> pendingEndpoints,
                                               List<FlagService.Flag> flags, Set<String> held, String notice, String error);
    }

    @Inject
    Pages pages;

    @Inject
    Viewer viewer;

    @Inject
    AccountService accounts;

    @Inject
    FlagService flags;

    @Inject
    HoldService holds;

    @Inject
    EndpointService endpoints;

    @GET
    @Operation(hidden = true)
    public TemplateInstance console() {
        return console(null, null);
    }

    @POST
    @Path("operators/{id}/state")
    @Operation(hidden = true)
    public Response changeState(@RestPath long id, @RestForm String state, @RestForm String reason, @RestForm String csrf) {
        OperatorState next = parse(OperatorState.class, state);
        return next == null ? unknownState() : answer(accounts.transitionTo(id, next, actor(), reason));
    }

    @POST
    @Path("endpoints/{id}/state")
    @Operation(hidden = true)
    public Response changeEndpointState(@RestPath long id, @RestForm String state, @RestForm String reason, @RestForm String csrf) {
        EndpointState next = parse(EndpointState.class, state);
        return next == null ? unknownState() : answer(endpoints.transitionTo(id, next, actor(), reason));
    }

    /** The named state, or null for a forged or missing value. */
    private static <E extends Enum<E>> E parse(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name == null ? "" : name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Response unknownState() {
        return Response.status(400).entity(console(null, Problems.text(TransitionResult.NOT_ALLOWED, pages.locale()))).build();
    }

    private Actor actor() {
        var p = viewer.require();
        return new Actor(p.accountId(), p.handle());
    }

    private Response answer(TransitionResult r) {
        String text = Problems.text(r, pages.locale());
        return Response.status(TransitionAnswers.status(r)).entity(r == TransitionResult.DONE ? console(text, null) : console(null, text)).build();
    }

    private TemplateInstance console(String notice, String error) {
        // The newest of what waits for a decision; the whole lists page through /admin/operators and /admin/endpoints.
        List<FlagService.Flag> all = flags.all();
        Set<String> held = all.stream().flatMap(f -> f.handles().stream()).filter(holds::heldByHandle).collect(Collectors.toSet());
        return pages.page(Templates.console(Account.operatorsPage(OperatorState.PENDING, Keyset.first()),
                Endpoint.page(null, EndpointState.PENDING, Keyset.first()), all, held, notice, error));
    }
}
