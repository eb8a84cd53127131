package org.proxyfund.settlement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.proxyfund.operator.Account;
import org.proxyfund.common.db.Sql;
import org.proxyfund.common.identity.Actor;
import org.proxyfund.common.identity.AuditService;
import org.proxyfund.operator.OperatorQueries;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Admins' holds on operators' pay (e.g. after a sybil flag): while a hold is open the operator earns nothing in a
 * settlement. Opening and releasing are audited. The admin console asks it which flagged handles are held.
 */
@ApplicationScoped
public class HoldService {

    /** The typed outcome of a hold or release. */
    public enum HoldResult {
        /** Done. */
        DONE,
        /** No operator with that handle. */
        NOT_FOUND,
        /** Hold: already held; release: not held. */
        NOTHING_TO_DO,
        /** A hold needs a reason. */
        REASON_REQUIRED
    }

    @Inject
    EntityManager em;

    @Inject
    AuditService audit;

    @Inject
    Sql sql;

    @Inject
    OperatorQueries operators;

    /** True while the operator with this handle has an open hold. */
    @Transactional
    public boolean heldByHandle(String handle) {
        return accountId(handle).map(this::isHeld).orElse(false);
    }

    /** True while the operator has an open hold. */
    @Transactional
    public boolean isHeld(long accountId) {
        return !em.createNativeQuery("SELECT 1 FROM operator_hold WHERE account_id = ?1 AND released_at IS NULL")
                .setParameter(1, accountId).getResultList().isEmpty();
    }

    /** Opens a hold on an operator's pay, with the admin's reason. */
    @Transactional
    public HoldResult hold(String handle, Actor admin, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 1000) {
            return HoldResult.REASON_REQUIRED;
        }
        Optional<Long> id = accountId(handle);
        if (id.isEmpty()) {
            return HoldResult.NOT_FOUND;
        }
        int n = em.createNativeQuery("INSERT INTO operator_hold (account_id, opened_by, reason) VALUES (?1, ?2, ?3)"
                        + " ON CONFLICT (account_id) WHERE released_at IS NULL DO NOTHING")
                .setParameter(1, id.get()).setParameter(2, admin.id()).setParameter(3, why).executeUpdate();
        if (n == 0) {
            return HoldResult.NOTHING_TO_DO;
        }
        audit.record(admin.id(), admin.handle(), "ACCOUNT", id.get(), "PAY_HOLD", why);
        return HoldResult.DONE;
    }

    /** Releases the open hold on an operator's pay. */
    @Transactional
    public HoldResult release(String handle, Actor admin, String reason) {
        Optional<Long> id = accountId(handle);
        if (id.isEmpty()) {
            return HoldResult.NOT_FOUND;
        }
        int n = em.createNativeQuery("UPDATE operator_hold SET released_at = now(), released_by = ?2"
                        + " WHERE account_id = ?1 AND released_at IS NULL")
                .setParameter(1, id.get()).setParameter(2, admin.id()).executeUpdate();
        if (n == 0) {
            return HoldResult.NOTHING_TO_DO;
        }
        audit.record(admin.id(), admin.handle(), "ACCOUNT", id.get(), "PAY_RELEASE", reason == null ? null : reason.strip());
        return HoldResult.DONE;
    }

    private Optional<Long> accountId(String handle) {
        if (handle == null || handle.isBlank()) {
            return Optional.empty();
        }
        return Account.byHandle(handle.strip()).filter(a -> a.role.name().equals("OPERATOR")).map(a -> a.id);
    }

    /** Which of these operators have an open hold. */
    @Transactional
    public Set<Long> held(Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(sql.query("SELECT account_id FROM operator_hold WHERE account_id = ANY (?) AND released_at IS NULL",
                rs -> rs.getLong(1), accountIds));
    }

    /** Handles of operators currently held, in handle order, for the admin page. */
    @Transactional
    public List<String> heldHandles() {
        List<Long> ids = sql.query("SELECT account_id FROM operator_hold WHERE released_at IS NULL", rs -> rs.getLong(1));
        return List.copyOf(operators.handles(ids).values());
    }
}
