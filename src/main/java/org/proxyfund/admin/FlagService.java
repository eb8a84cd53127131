package org.proxyfund.admin;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.proxyfund.operator.OperatorConfig;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/** Signs of one person running several accounts, for admins to look at before approving. */
@ApplicationScoped
@Transactional
public class FlagService {

    /** A group of operators that share something they should not, and what it is. */
    public record Flag(String kind, String shared, List<String> handles) {
    }

    @Inject
    EntityManager em;

    @Inject
    OperatorConfig config;

    /** Accounts signed up from one client address (seen only as its keyed hash). */
    @SuppressWarnings("unchecked")
    public List<Flag> manySignups() {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT signup_client_key, string_agg(handle, ',' ORDER BY handle) FROM account
                WHERE signup_client_key IS NOT NULL AND role = 'OPERATOR'
                GROUP BY signup_client_key HAVING count(*) >= ?1 ORDER BY count(*) DESC""")
                .setParameter(1, config.manySignupsThreshold()).getResultList();
        return rows.stream().map(r -> new Flag("MANY_SIGNUPS", ((String) r[0]).substring(0, 8),
                Arrays.asList(((String) r[1]).split(",")))).toList();
    }

    /** Forgets the sign-up client keys older than the retention period. */
    @Scheduled(every = "6h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOldClientKeys() {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(config.clientKeyRetention());
        em.createNativeQuery("UPDATE account SET signup_client_key = NULL WHERE signup_client_key IS NOT NULL AND created_at < ?1")
                .setParameter(1, cutoff).executeUpdate();
    }
}
