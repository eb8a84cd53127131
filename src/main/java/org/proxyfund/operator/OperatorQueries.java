package org.proxyfund.operator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.common.db.Sql;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Public reads of accounts and payout addresses for other features: whether accounts may be paid and where, their
 * handles for pages, and the sign-up and payout-address groups the admin console flags. Reads run in the caller's transaction when there is one.
 */
@ApplicationScoped
public class OperatorQueries {

    @Inject
    Sql sql;

    /** Standing of each of these accounts that exists, by account id. */
    public Map<Long, OperatorStanding> standing(Collection<Long> accountIds) {
        Map<Long, OperatorStanding> out = new HashMap<>(accountIds.size() * 2);
        if (!accountIds.isEmpty()) {
            sql.query("""
                    SELECT a.id, a.state = 'APPROVED', a.role = 'OPERATOR', p.address FROM account a
                    LEFT JOIN payout_address p ON p.account_id = a.id AND p.state = 'PROVEN'
                    WHERE a.id = ANY (?)""", rs -> new OperatorStanding(rs.getLong(1), rs.getBoolean(2), rs.getBoolean(3),
                    rs.getString(4)), accountIds).forEach(s -> out.put(s.accountId(), s));
        }
        return out;
    }

    /** Handles of these accounts (those that exist), ordered by handle. */
    public Map<Long, String> handles(Collection<Long> accountIds) {
        Map<Long, String> out = new LinkedHashMap<>();
        if (!accountIds.isEmpty()) {
            sql.query("SELECT id, handle FROM account WHERE id = ANY (?) ORDER BY handle",
                    rs -> Map.entry(rs.getLong(1), rs.getString(2)), accountIds).forEach(e -> out.put(e.getKey(), e.getValue()));
        }
        return out;
    }

    /**
     * Operators who signed up from one client (seen only as its keyed hash), in groups of at least {@code threshold},
     * largest group first: client key to handles in handle order.
     */
    public Map<String, List<String>> handlesBySignupClient(int threshold) {
        return groups("""
                SELECT signup_client_key, string_agg(handle, ',' ORDER BY handle) FROM account
                WHERE signup_client_key IS NOT NULL AND role = 'OPERATOR'
                GROUP BY signup_client_key HAVING count(*) >= ? ORDER BY count(*) DESC""", threshold);
    }

    /** Current payout addresses named by several operators, in address order: address to handles. */
    public Map<String, List<String>> handlesBySharedPayoutAddress() {
        return groups("""
                SELECT p.address, string_agg(DISTINCT a.handle, ',') FROM payout_address p JOIN account a ON a.id = p.account_id
                WHERE p.state <> 'REPLACED' GROUP BY p.address HAVING count(DISTINCT p.account_id) > 1 ORDER BY p.address""");
    }

    private Map<String, List<String>> groups(String query, Object... params) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        sql.query(query, rs -> Map.entry(rs.getString(1), Arrays.asList(rs.getString(2).split(","))), params)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
