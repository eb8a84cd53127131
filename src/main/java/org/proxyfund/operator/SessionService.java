package org.proxyfund.operator;

import org.proxyfund.common.identity.Principal;
import org.proxyfund.common.identity.Role;
import org.proxyfund.common.crypto.Tokens;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Server-side sessions and personal API tokens: issue, look up, revoke, expire. */
@ApplicationScoped
@Transactional
public class SessionService {

    /** A new token as handed to the client once; only its hash is stored. */
    public record Issued(String token, long id) {
    }

    @Inject
    OperatorConfig config;

    @Inject
    EntityManager em;

    public Issued startSession(long accountId) {
        String token = Tokens.random();
        WebSession s = new WebSession();
        s.tokenHash = Tokens.hash(token);
        s.accountId = accountId;
        s.csrfToken = Tokens.random();
        s.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        s.expiresAt = s.createdAt.plus(config.sessionTtl());
        s.persist();
        return new Issued(token, s.id);
    }

    /** The session's account if the token is known and unexpired. */
    public Optional<Principal> bySessionToken(String token) {
        List<Object[]> rows = em.createQuery("""
                select a.id, a.handle, a.role, a.state, s.csrfToken from WebSession s, Account a
                where s.tokenHash = ?1 and s.expiresAt > ?2 and a.id = s.accountId""", Object[].class)
                .setParameter(1, Tokens.hash(token)).setParameter(2, OffsetDateTime.now(ZoneOffset.UTC))
                .getResultList();
        return rows.stream().findFirst().map(r -> new Principal((Long) r[0], (String) r[1], (Role) r[2], r[3] == OperatorState.SUSPENDED, (String) r[4]));
    }

    public void endSession(String token) {
        WebSession.delete("tokenHash", (Object) Tokens.hash(token));
    }

    /** Ends every other session of the account (after a password change). */
    public void endOtherSessions(long accountId, String keepToken) {
        WebSession.delete("accountId = ?1 and tokenHash <> ?2", accountId, Tokens.hash(keepToken));
    }

    public Issued createApiToken(long accountId, String name) {
        String token = "pf_" + Tokens.random();
        ApiToken t = new ApiToken();
        t.tokenHash = Tokens.hash(token);
        t.accountId = accountId;
        t.name = name;
        t.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        t.persist();
        return new Issued(token, t.id);
    }

    /** Revokes one of the account's own tokens; false if it has no such token. */
    public boolean revokeApiToken(long accountId, long tokenId) {
        return ApiToken.update("revokedAt = ?1 where id = ?2 and accountId = ?3 and revokedAt is null",
                OffsetDateTime.now(ZoneOffset.UTC), tokenId, accountId) == 1;
    }

    /** The token's account if the token is known and not revoked; records when it was last used. */
    public Optional<Principal> byApiToken(String token) {
        List<Object[]> rows = em.createQuery("""
                select a.id, a.handle, a.role, a.state, t.id from ApiToken t, Account a
                where t.tokenHash = ?1 and t.revokedAt is null and a.id = t.accountId""", Object[].class)
                .setParameter(1, Tokens.hash(token)).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        ApiToken.update("lastUsedAt = ?1 where id = ?2", OffsetDateTime.now(ZoneOffset.UTC), r[4]);
        return Optional.of(new Principal((Long) r[0], (String) r[1], (Role) r[2], r[3] == OperatorState.SUSPENDED, null));
    }

    @Scheduled(every = "1h", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeExpired() {
        WebSession.delete("expiresAt < ?1", OffsetDateTime.now(ZoneOffset.UTC));
    }
}
