package org.proxyfund.payout;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The payout leader: the replica holding a PostgreSQL session-level advisory lock on a connection it keeps open.
 * If that replica dies, PostgreSQL drops its session and the lock, and the next replica to ask takes over.
 */
@ApplicationScoped
public class PayoutLeader {

    private static final Logger LOG = Logger.getLogger(PayoutLeader.class);
    static final long LOCK_KEY = 0x7061796f75746c64L;

    @Inject
    AgroalDataSource dataSource;

    private Connection held;

    /** True while this replica leads; tries to become leader when it does not. */
    public synchronized boolean lead() {
        try {
            if (held != null) {
                if (held.isValid(2)) {
                    return true;
                }
                LOG.warn("lost the payout leader connection");
                closeQuietly();
            }
            Connection c = dataSource.getConnection();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT pg_try_advisory_lock(" + LOCK_KEY + ")")) {
                if (r.next() && r.getBoolean(1)) {
                    held = c;
                    LOG.info("this replica is the payout leader");
                    return true;
                }
            }
            c.close();
            return false;
        } catch (SQLException e) {
            LOG.warn("payout leader check failed", e);
            closeQuietly();
            return false;
        }
    }

    /** Whether this replica holds the lead now (no attempt to take it; for the metric). */
    public synchronized boolean holds() {
        return held != null;
    }

    /** Gives the lead up (shutdown). */
    public synchronized void release() {
        closeQuietly();
    }

    private void closeQuietly() {
        if (held != null) {
            // The pool keeps the physical connection (and its session) open: unlock before handing it back.
            try (Statement s = held.createStatement()) {
                s.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
            } catch (SQLException ignored) {
                // a broken connection has no session left, hence no lock
            }
            try {
                held.close();
            } catch (SQLException ignored) {
                // the session ends with the connection either way
            }
            held = null;
        }
    }
}
