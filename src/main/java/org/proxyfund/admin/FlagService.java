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

    /** Live endpoints of different operators in one /24 (IPv4) or /48 (IPv6). */
    @SuppressWarnings("unchecked")
    public List<Flag> sharedSubnets() {
        return groups("""
                SELECT e.subnet, string_agg(DISTINCT a.handle, ',') FROM endpoint e JOIN account a ON a.id = e.account_id
                WHERE e.subnet IS NOT NULL AND e.state <> 'RETIRED' GROUP BY e.subnet HAVING count(DISTINCT e.account_id) > 1 ORDER BY e.subnet""", "SAME_SUBNET");
    }

    /** One payout address named by several operators. */
    public List<Flag> sharedPayoutAddresses() {
        return groups("""
                SELECT p.address, string_agg(DISTINCT a.handle, ',') FROM payout_address p JOIN account a ON a.id = p.account_id
                WHERE p.state <> 'REPLACED' GROUP BY p.address HAVING count(DISTINCT p.account_id) > 1 ORDER BY p.address""", "SHARED_PAYOUT");
    }

    /** Every flag, for the console. */
    public List<Flag> all() {
        List<Flag> out = new java.util.ArrayList<>(manySignups());
        out.addAll(sharedSubnets());
        out.addAll(sharedPayoutAddresses());
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<Flag> groups(String sql, String kind) {
        List<Object[]> rows = em.createNativeQuery(sql).getResultList();
        return rows.stream().map(r -> new Flag(kind, (String) r[0], Arrays.asList(((String) r[1]).split(",")))).toList();
    }

    /** Forgets the sign-up client keys older than the retention period. */
    @Scheduled(every = "6h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOldClientKeys() {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(config.clientKeyRetention());
        em.createNativeQuery("UPDATE account SET signup_client_key = NULL WHERE signup_client_key IS NOT NULL AND created_at < ?1")
                .setParameter(1, cutoff).executeUpdate();
    }
}
