package org.proxyfund.maintenance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.common.db.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The maintenance package's own SQL over {@code maintenance_window}. */
@ApplicationScoped
class MaintenanceRepository {

    private static final String COLUMNS = "id, endpoint_id, starts_at, ends_at, declared_at, cancelled_at";

    @Inject
    Sql sql;

    /**
     * Declares a window; the database stamps the declaration ({@code declared_at = now()}) and refuses a window that
     * would start before it (CHECK), so no window is ever declared for time already past.
     */
    long insert(long endpointId, Instant startsAt, Instant endsAt, long accountId) {
        return sql.query("INSERT INTO maintenance_window (endpoint_id, starts_at, ends_at, declared_by) VALUES (?, ?, ?, ?)"
                + " RETURNING id", rs -> rs.getLong(1), endpointId, startsAt, endsAt, accountId).get(0);
    }

    /** Cancels a window of this endpoint that has not started; false when there is none such. */
    boolean cancel(long endpointId, long windowId) {
        return sql.update("UPDATE maintenance_window SET cancelled_at = now() WHERE id = ? AND endpoint_id = ?"
                + " AND cancelled_at IS NULL AND starts_at > now()", windowId, endpointId) == 1;
    }

    /** The endpoint's windows that have not ended, and the last ones that did, newest start first (at most 50). */
    List<MaintenanceWindow> of(long endpointId, Instant now) {
        return sql.query("SELECT " + COLUMNS + " FROM maintenance_window WHERE endpoint_id = ? ORDER BY starts_at DESC, id DESC LIMIT 50",
                rs -> row(rs, now), endpointId);
    }

    /** Windows of the endpoint that are neither cancelled nor over. */
    long open(long endpointId) {
        return sql.query("SELECT count(*) FROM maintenance_window WHERE endpoint_id = ? AND cancelled_at IS NULL AND ends_at > now()",
                rs -> rs.getLong(1), endpointId).get(0);
    }

    /** Every window that is not cancelled and overlaps [from, to). */
    List<MaintenanceWindow> overlapping(Instant from, Instant to) {
        return sql.query("SELECT " + COLUMNS + " FROM maintenance_window WHERE cancelled_at IS NULL AND starts_at < ? AND ends_at > ?",
                rs -> row(rs, to), to, from);
    }

    /** Which of these endpoints are inside a window (not cancelled) at {@code at}. */
    Set<Long> activeAt(Collection<Long> endpointIds, Instant at) {
        Set<Long> out = new HashSet<>();
        if (!endpointIds.isEmpty()) {
            out.addAll(sql.query("SELECT DISTINCT endpoint_id FROM maintenance_window WHERE endpoint_id = ANY (?)"
                    + " AND cancelled_at IS NULL AND starts_at <= ? AND ends_at > ?", rs -> rs.getLong(1), endpointIds, at, at));
        }
        return out;
    }

    private static MaintenanceWindow row(ResultSet rs, Instant now) throws SQLException {
        OffsetDateTime cancelled = rs.getObject(6, OffsetDateTime.class);
        return MaintenanceWindow.of(rs.getLong(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getObject(5, OffsetDateTime.class).toInstant(),
                cancelled == null ? null : cancelled.toInstant(), now);
    }
}
