package org.proxyfund.common.identity;

import org.proxyfund.common.crypto.Tokens;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Who is looking at the page, for templates ({@code inject:viewer}) and resources: the signed-in
 * account, if any, and the CSRF token every form must carry.
 */
@RequestScoped
@Named("viewer")
public class Viewer {

    /** Cookie holding the CSRF token of visitors without a session (sign-up and login forms). */
    public static final String PRE_SESSION_COOKIE = "pf_csrf";

    @Inject
    SecurityIdentity identity;

    @Inject
    RoutingContext request;

    /** The same key as the operator package's session cookies: Secure everywhere but dev and test (plain HTTP). */
    @ConfigProperty(name = "proxyfund.operator.secure-cookies", defaultValue = "true")
    boolean secureCookies;

    public Optional<Principal> principal() {
        return Optional.ofNullable(identity.<Principal>getAttribute(Principal.ATTRIBUTE));
    }

    /** The signed-in principal; only for resources already guarded by {@code @RolesAllowed}. */
    public Principal require() {
        return principal().orElseThrow(() -> new IllegalStateException("no signed-in account on a guarded resource"));
    }

    public boolean signedIn() {
        return principal().isPresent();
    }

    public boolean admin() {
        return principal().map(p -> p.role() == Role.ADMIN).orElse(false);
    }

    public String handle() {
        return principal().map(Principal::handle).orElse("");
    }

    /** The CSRF token for forms on this page: the session's, or the pre-session cookie's (set here if new). */
    public String csrf() {
        Optional<String> fromSession = principal().map(Principal::csrfToken);
        if (fromSession.isPresent()) {
            return fromSession.get();
        }
        String existing = preSessionToken();
        if (existing != null) {
            return existing;
        }
        String token = Tokens.random();
        request.response().addCookie(Cookie.cookie(PRE_SESSION_COOKIE, token).setPath("/").setHttpOnly(true)
                .setSecure(secureCookies).setSameSite(CookieSameSite.STRICT));
        // Also visible to a second form rendered in the same request.
        request.put(PRE_SESSION_COOKIE, token);
        return token;
    }

    /** The token a form must echo: the session's when signed in by cookie, else the pre-session cookie's. */
    public String expectedCsrf() {
        return principal().map(Principal::csrfToken).orElseGet(this::preSessionToken);
    }

    private String preSessionToken() {
        String put = request.get(PRE_SESSION_COOKIE);
        if (put != null) {
            return put;
        }
        Cookie c = request.request().getCookie(PRE_SESSION_COOKIE);
        return c == null || c.getValue().length() != 43 ? null : c.getValue();
    }
}
