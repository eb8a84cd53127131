package org.proxyfund.operator;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Writes and clears the session cookie: HttpOnly, SameSite=Lax, Secure outside dev and test. */
@ApplicationScoped
public class SessionCookies {

    @Inject
    OperatorConfig config;

    public void set(RoutingContext context, String token) {
        context.response().addCookie(Cookie.cookie(TokenAuthenticationMechanism.SESSION_COOKIE, token)
                .setPath("/").setHttpOnly(true).setSecure(config.secureCookies())
                .setSameSite(CookieSameSite.LAX).setMaxAge(config.sessionTtl().toSeconds()));
    }

    public void clear(RoutingContext context) {
        context.response().addCookie(Cookie.cookie(TokenAuthenticationMechanism.SESSION_COOKIE, "")
                .setPath("/").setHttpOnly(true).setSecure(config.secureCookies())
                .setSameSite(CookieSameSite.LAX).setMaxAge(0));
    }

    /** The session token the browser sent, or null. */
    public String current(RoutingContext context) {
        Cookie c = context.request().getCookie(TokenAuthenticationMechanism.SESSION_COOKIE);
        return c == null ? null : c.getValue();
    }
}
