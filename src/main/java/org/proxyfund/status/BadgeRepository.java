package org.proxyfund.status;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.common.db.Sql;

import java.util.Optional;

/** The status package's own SQL over {@code status_badge}: which endpoints publish a badge, under which public id. */
@ApplicationScoped
class BadgeRepository {

    @Inject
    Sql sql;

    Optional<String> publicIdOf(long endpointId) {
        return sql.one("SELECT public_id FROM status_badge WHERE endpoint_id = ?", rs -> rs.getString(1), endpointId);
    }

    Optional<Long> endpointOf(String publicId) {
        return sql.one("SELECT endpoint_id FROM status_badge WHERE public_id = ?", rs -> rs.getLong(1), publicId);
    }

    /** Publishes a badge under this id unless the endpoint has one already (then nothing changes). */
    void publish(long endpointId, String publicId) {
        sql.update("INSERT INTO status_badge (endpoint_id, public_id) VALUES (?, ?) ON CONFLICT (endpoint_id) DO NOTHING",
                endpointId, publicId);
    }

    /** Gives a published badge a new id; false when the endpoint publishes none. */
    boolean rotate(long endpointId, String publicId) {
        return sql.update("UPDATE status_badge SET public_id = ?, rotated_at = now() WHERE endpoint_id = ?", publicId, endpointId) == 1;
    }

    void revoke(long endpointId) {
        sql.update("DELETE FROM status_badge WHERE endpoint_id = ?", endpointId);
    }
}
