package org.proxyfund.operator;

import org.proxyfund.common.identity.Viewer;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
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
import org.proxyfund.web.Pages;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** The signed-in account's own page: password change and personal API tokens. */
@Path("/account")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"operator", "admin"})
public class AccountResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance account(Account account, List<ApiToken> tokens, String notice, String error, String newToken);
    }

    @Inject
    Pages pages;

    @Inject
    Viewer viewer;

    @Inject
    RoutingContext request;

    @Inject
    AccountService accounts;

    @Inject
    SessionService sessions;

    @Inject
    SessionCookies cookies;

    @Inject
    LoginGuard guard;

    @GET
    @Operation(hidden = true)
    public TemplateInstance show() {
        return page(null, null, null);
    }

    @POST
    @Path("password")
    @Operation(hidden = true)
    public Response changePassword(@RestForm String current, @RestForm String password, @RestForm String repeat, @RestForm String csrf) {
        long id = viewer.require().accountId();
        LoginGuard.Gate gate = guard.beginPasswordCheck(id);
        if (!gate.open()) {
            String message = Problems.messages(pages.locale()).problem_password_guesses(gate.waitMinutes());
            return Response.status(429).header("Retry-After", Long.toString(gate.waitSeconds())).entity(page(null, message, null)).build();
        }
        Optional<AccountProblem> p = accounts.changePassword(id, current, password, repeat);
        if (p.isEmpty() || p.get() != AccountProblem.WRONG_CURRENT_PASSWORD) {
            guard.passwordCheckPassed(gate);
        }
        if (p.isPresent()) {
            return Response.status(400).entity(page(null, Problems.text(p.get(), pages.locale()), null)).build();
        }
        sessions.endOtherSessions(id, cookies.current(request));
        return Response.ok(page(Problems.messages(pages.locale()).password_changed(), null, null)).build();
    }

    @POST
    @Path("tokens")
    @Operation(hidden = true)
    public Response createToken(@RestForm String name, @RestForm String csrf) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 100) {
            return Response.status(400).entity(page(null, Problems.messages(pages.locale()).token_name_invalid(), null)).build();
        }
        SessionService.Issued t = sessions.createApiToken(viewer.require().accountId(), n);
        return Response.ok(page(null, null, t.token())).build();
    }

    @POST
    @Path("tokens/{id}/revoke")
    @Operation(hidden = true)
    public Response revokeToken(@RestPath long id, @RestForm String csrf) {
        if (!sessions.revokeApiToken(viewer.require().accountId(), id)) {
            return Response.status(404).entity(page(null, Problems.messages(pages.locale()).token_not_found(), null)).build();
        }
        return Response.seeOther(URI.create("/account")).build();
    }

    private TemplateInstance page(String notice, String error, String newToken) {
        long id = viewer.require().accountId();
        Account a = Account.findById(id);
        return pages.page(Templates.account(a, ApiToken.activeOf(id), notice, error, newToken));
    }
}
