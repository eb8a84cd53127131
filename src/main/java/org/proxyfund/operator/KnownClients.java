package org.proxyfund.operator;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The login_known_client table: devices and client addresses that signed in to an account successfully. */
@ApplicationScoped
class KnownClients {

    /** What identifies a client: its device cookie (SHA-256) or its address (keyed hash, /64 for IPv6). */
    enum Kind { DEVICE, ADDRESS }

    @Inject
    EntityManager em;

    @Inject
    OperatorConfig config;

    /** True when this client signed in to the account within the trusted-client time. */
    @Transactional(Transactional.TxType.SUPPORTS)
    boolean knows(long accountId, Kind kind, String clientHash) {
        return !em.createNativeQuery("""
                SELECT 1 FROM login_known_client WHERE account_id = ?1 AND kind = ?2 AND client_hash = ?3
                AND last_success_at > now() - make_interval(secs => ?4)""")
                .setParameter(1, accountId).setParameter(2, kind.name()).setParameter(3, clientHash)
                .setParameter(4, (double) config.trustedClientTtl().toSeconds()).getResultList().isEmpty();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void remember(long accountId, Kind kind, String clientHash) {
        em.createNativeQuery("""
                INSERT INTO login_known_client(account_id, kind, client_hash, last_success_at) VALUES (?1, ?2, ?3, now())
                ON CONFLICT (account_id, kind, client_hash) DO UPDATE SET last_success_at = now()""")
                .setParameter(1, accountId).setParameter(2, kind.name()).setParameter(3, clientHash).executeUpdate();
    }

    @Scheduled(every = "1h", delayed = "9m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purge() {
        em.createNativeQuery("DELETE FROM login_known_client WHERE last_success_at < now() - make_interval(secs => ?1)")
                .setParameter(1, (double) config.trustedClientTtl().toSeconds()).executeUpdate();
    }
}
