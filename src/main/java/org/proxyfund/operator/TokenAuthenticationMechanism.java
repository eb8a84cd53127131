package org.proxyfund.operator;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * Reads the session cookie on pages and the {@code Authorization: Bearer} token under /api, never
 * the other way round: a cookie never authorises the API, so the API needs no CSRF token. A stale
 * or unknown token leaves the request anonymous; protected pages then redirect to the login page.
 */
@ApplicationScoped
public class TokenAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String SESSION_COOKIE = "pf_session";
    private static final String BEARER = "Bearer ";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        TokenAuthenticationRequest request = requestOf(context);
        if (request == null) {
            return Uni.createFrom().optional(java.util.Optional.empty());
        }
        return identities.authenticate(request).onFailure().recoverWithNull();
    }

    private static TokenAuthenticationRequest requestOf(RoutingContext context) {
        if (isApi(context)) {
            String header = context.request().getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                String token = header.substring(BEARER.length()).strip();
                return token.isEmpty() || token.length() > 200 ? null : new TokenAuthenticationRequest(token, TokenAuthenticationRequest.Kind.API);
            }
            return null;
        }
        Cookie c = context.request().getCookie(SESSION_COOKIE);
        if (c == null || c.getValue().isEmpty() || c.getValue().length() > 200) {
            return null;
        }
        return new TokenAuthenticationRequest(c.getValue(), TokenAuthenticationRequest.Kind.SESSION);
    }

    static boolean isApi(RoutingContext context) {
        return context.normalizedPath().startsWith("/api/");
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (isApi(context)) {
            return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
        }
        return Uni.createFrom().item(new ChallengeData(302, "Location", "/login"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }
}
