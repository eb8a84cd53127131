package org.proxyfund.common.db;

import jakarta.persistence.EntityManager;
import org.postgresql.util.PSQLException;

import java.util.Optional;

/**
 * Decisions that a unique index alone would answer with an exception (two requests claiming one address or handle):
 * the deciding transaction first takes a transaction-scoped PostgreSQL advisory lock on a key naming the thing
 * claimed, so concurrent claimants on any replica queue up and the later one sees the earlier one's row.
 */
public final class KeyLocks {

    /** SQLSTATE of a unique-constraint violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    private KeyLocks() {
    }

    /** Waits for and holds, until the current transaction ends, the lock named {@code key} (e.g. {@code endpoint:host:port}). */
    public static void lock(EntityManager em, String key) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))").setParameter(1, key).getSingleResult();
    }

    /**
     * The name of the unique constraint a failure violated, if that is what it is: the safety net behind {@link #lock} for a
     * writer that did not take the lock. Walks the cause chain for Hibernate's or the driver's report.
     */
    public static Optional<String> violatedUniqueConstraint(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException c && UNIQUE_VIOLATION.equals(c.getSQLState())) {
                return Optional.ofNullable(c.getConstraintName());
            }
            if (t instanceof PSQLException p && UNIQUE_VIOLATION.equals(p.getSQLState())) {
                return Optional.ofNullable(p.getServerErrorMessage() == null ? null : p.getServerErrorMessage().getConstraint());
            }
        }
        return Optional.empty();
    }
}
