package org.proxyfund.operator;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Fixed-window attempt counters per client (keyed hash of its address), kept in PostgreSQL so
 * every replica counts against the same limit. One upsert per attempt.
 */
@ApplicationScoped
public class RateLimiter {

    /** What is being counted. */
    public enum Bucket { SIGNUP, LOGIN }

    @Inject
    EntityManager em;

    @Inject
    OperatorConfig config;

    @Inject
    ClientKeys clientKeys;

    /** Counts one attempt; false when the client has used up its allowance in this window. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean tryAcquire(Bucket bucket, String clientAddress) {
        Duration window = bucket == Bucket.SIGNUP ? config.signupWindow() : config.loginWindow();
        int limit = bucket == Bucket.SIGNUP ? config.signupLimit() : config.loginLimit();
        long size = window.toMillis();
        long now = Instant.now().toEpochMilli();
        OffsetDateTime start = Instant.ofEpochMilli(now - now % size).atOffset(ZoneOffset.UTC);
        Number hits = (Number) em.createNativeQuery("""
                INSERT INTO rate_limit_window(bucket, client_key, window_start, hits) VALUES (?1, ?2, ?3, 1)
                ON CONFLICT (bucket, client_key, window_start) DO UPDATE SET hits = rate_limit_window.hits + 1
                RETURNING hits""")
                .setParameter(1, bucket.name()).setParameter(2, clientKeys.of(clientAddress)).setParameter(3, start)
                .getSingleResult();
        return hits.intValue() <= limit;
    }

    /** Drops finished windows; counters older than a day are useless. */
    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purge() {
        em.createNativeQuery("DELETE FROM rate_limit_window WHERE window_start < now() - interval '1 day'").executeUpdate();
    }
}
