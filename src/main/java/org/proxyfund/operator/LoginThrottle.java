package org.proxyfund.operator;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The login_throttle table: each password check first reserves its slot under a key, counted as a failure until it
 * succeeds, so checks racing from many addresses cannot slip past the count. Database time, so replicas agree.
 */
@ApplicationScoped
class LoginThrottle {

    @Inject
    EntityManager em;

    @Inject
    OperatorConfig config;

    /** Reserves one check under {@code key}: 0 when it may run now, else the seconds to wait (nothing is counted). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    long reserve(String key) {
        GuessPolicy policy = GuessPolicy.of(config);
        em.createNativeQuery("""
                INSERT INTO login_throttle(throttle_key, failures, next_allowed_at, last_attempt_at)
                VALUES (?1, 0, now(), now()) ON CONFLICT (throttle_key) DO NOTHING""").setParameter(1, key).executeUpdate();
        Object[] row = (Object[]) em.createNativeQuery("""
                SELECT failures, extract(epoch FROM next_allowed_at - now()), extract(epoch FROM now() - last_attempt_at)
                FROM login_throttle WHERE throttle_key = ?1 FOR UPDATE""").setParameter(1, key).getSingleResult();
        double wait = ((Number) row[1]).doubleValue();
        if (wait > 0) {
            return (long) Math.ceil(wait);
        }
        boolean forgotten = ((Number) row[2]).doubleValue() > policy.forgetAfter().toSeconds();
        int failures = forgotten ? 1 : ((Number) row[0]).intValue() + 1;
        em.createNativeQuery("""
                UPDATE login_throttle SET failures = ?2, next_allowed_at = now() + make_interval(secs => ?3),
                       last_attempt_at = now() WHERE throttle_key = ?1""")
                .setParameter(1, key).setParameter(2, failures)
                .setParameter(3, policy.delayAfter(failures).toMillis() / 1000.0).executeUpdate();
        return 0;
    }

    /** A check under {@code key} succeeded: its count starts again. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void clear(String key) {
        em.createNativeQuery("DELETE FROM login_throttle WHERE throttle_key = ?1").setParameter(1, key).executeUpdate();
    }

    /** Drops keys nobody tried for longer than they are remembered. */
    @Scheduled(every = "1h", delayed = "7m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purge() {
        em.createNativeQuery("DELETE FROM login_throttle WHERE last_attempt_at < now() - make_interval(secs => ?1)"
                        + " AND next_allowed_at < now()")
                .setParameter(1, (double) GuessPolicy.of(config).forgetAfter().toSeconds()).executeUpdate();
    }
}
