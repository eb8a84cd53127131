package org.proxyfund.operator;

import org.proxyfund.common.identity.Principal;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/** Turns a session or API token into a security identity with the account's role. */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** Identity attribute holding the {@link Principal}. */

    @Inject
    SessionService sessions;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            Optional<Principal> p = request.kind() == TokenAuthenticationRequest.Kind.SESSION
                    ? sessions.bySessionToken(request.token())
                    : sessions.byApiToken(request.token());
            Principal principal = p.orElseThrow(AuthenticationFailedException::new);
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(principal.handle()))
                    .addRole(principal.role().roleName())
                    .addAttribute(Principal.ATTRIBUTE, principal)
                    .build();
        });
    }
}
