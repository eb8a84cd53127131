package org.proxyfund.operator;

import org.proxyfund.common.identity.Role;
import org.proxyfund.common.crypto.Tokens;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.proxyfund.web.Pages;

import java.net.URI;
import java.util.Optional;

/** Sign-up, login and logout pages. Forms carry a CSRF token checked by {@link CsrfFilter}. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AuthResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signup(String handle, String email, String error);

        static native TemplateInstance login(String handle, String error);

        static native TemplateInstance tooMany(String message);
    }

    @Inject
    Pages pages;

    @Inject
    RoutingContext request;

    @Inject
    AccountService accounts;

    @Inject
    SessionService sessions;

    @Inject
    SessionCookies cookies;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    ClientKeys clientKeys;

    @Inject
    LoginGuard guard;

    @GET
    @Path("signup")
    @Operation(hidden = true)
    public TemplateInstance signupForm() {
        return pages.page(Templates.signup("", "", null));
    }

    @POST
    @Path("signup")
    @Operation(hidden = true)
    public Response signup(@RestForm String handle, @RestForm String email, @RestForm String password,
                           @RestForm String repeat, @RestForm String csrf) {
        String client = clientAddress();
        if (!rateLimiter.tryAcquire(RateLimiter.Bucket.SIGNUP, client)) {
            return tooMany();
        }
        AccountService.SignUpResult r = accounts.signUp(handle, password, repeat, email, clientKeys.of(client));
        if (!r.ok()) {
            String message = Problems.text(r.problem(), pages.locale());
            return Response.status(400).entity(pages.page(Templates.signup(nz(handle), nz(email), message))).build();
        }
        replaceSession(r.account().id);
        guard.remember(r.account().id, knownDevice(), client);
        return Response.seeOther(URI.create("/dashboard")).build();
    }

    @GET
    @Path("login")
    @Operation(hidden = true)
    public TemplateInstance loginForm() {
        return pages.page(Templates.login("", null));
    }

    @POST
    @Path("login")
    @Operation(hidden = true)
    public Response login(@RestForm String handle, @RestForm String password, @RestForm String csrf) {
        String client = clientAddress();
        if (!rateLimiter.tryAcquire(RateLimiter.Bucket.LOGIN, client)) {
            return tooMany();
        }
        LoginGuard.Gate gate = guard.beginLogin(handle, cookies.device(request), client);
        if (!gate.open()) {
            String message = Problems.messages(pages.locale()).problem_account_throttled(gate.waitMinutes());
            return Response.status(429).header("Retry-After", Long.toString(gate.waitSeconds()))
                    .entity(pages.page(Templates.tooMany(message))).build();
        }
        Optional<Account> a = accounts.authenticate(handle, password);
        if (a.isEmpty()) {
            String message = Problems.text(AccountProblem.BAD_CREDENTIALS, pages.locale());
            return Response.status(401).entity(pages.page(Templates.login(nz(handle), message))).build();
        }
        replaceSession(a.get().id);
        guard.loginSucceeded(gate, a.get().id, knownDevice(), client);
        return Response.seeOther(URI.create(a.get().role == Role.ADMIN ? "/admin" : "/dashboard")).build();
    }

    @POST
    @Path("logout")
    @Operation(hidden = true)
    public Response logout(@RestForm String csrf) {
        String token = cookies.current(request);
        if (token != null) {
            sessions.endSession(token);
        }
        cookies.clear(request);
        return Response.seeOther(URI.create("/")).build();
    }

    /** A sign-in always gets a new token; a session the browser still held is ended, not left to expire. */
    private void replaceSession(long accountId) {
        String previous = cookies.current(request);
        if (previous != null && !previous.isEmpty()) {
            sessions.endSession(previous);
        }
        cookies.set(request, sessions.startSession(accountId).token());
    }

    /** This browser's device token, issued now if it has none. */
    private String knownDevice() {
        String device = cookies.device(request);
        if (device == null) {
            device = Tokens.random();
            cookies.setDevice(request, device);
        }
        return device;
    }

    private Response tooMany() {
        String message = Problems.text(AccountProblem.RATE_LIMITED, pages.locale());
        return Response.status(429).header("Retry-After", "600").entity(pages.page(Templates.tooMany(message))).build();
    }

    private String clientAddress() {
        return request.request().remoteAddress() == null ? "unknown" : request.request().remoteAddress().hostAddress();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
