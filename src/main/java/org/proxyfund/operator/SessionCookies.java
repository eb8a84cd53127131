package org.proxyfund.operator;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Writes and clears the session cookie, and keeps the device cookie (a random token naming this browser to the
 * sign-in throttle, {@link LoginGuard}; it outlives sign-outs): HttpOnly, SameSite=Lax, Secure outside dev and test.
 */
@ApplicationScoped
public class SessionCookies {

    public static final String DEVICE_COOKIE = "pf_device";

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

    public void setDevice(RoutingContext context, String token) {
        context.response().addCookie(Cookie.cookie(DEVICE_COOKIE, token)
                .setPath("/").setHttpOnly(true).setSecure(config.secureCookies())
                .setSameSite(CookieSameSite.LAX).setMaxAge(config.trustedClientTtl().toSeconds()));
    }

    /** The device token the browser sent, or null when it sent none or one we never issue. */
    public String device(RoutingContext context) {
        Cookie c = context.request().getCookie(DEVICE_COOKIE);
        return c == null || c.getValue().length() != 43 ? null : c.getValue();
    }

    /** The session token the browser sent, or null. */
    public String current(RoutingContext context) {
        Cookie c = context.request().getCookie(TokenAuthenticationMechanism.SESSION_COOKIE);
        return c == null ? null : c.getValue();
    }
}
