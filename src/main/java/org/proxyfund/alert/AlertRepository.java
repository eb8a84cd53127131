package org.proxyfund.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.common.db.Sql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The SQL of alert_incident, alert_cursor and alert_log. */
@ApplicationScoped
class AlertRepository {

    @Inject
    Sql sql;

    /** An endpoint's debounce state, when its alerted outage began (while DOWN), when it was alerted as stale (until a result). */
    record Tracked(Incident incident, Instant downSince, Instant staleSince) {
        static final Tracked FRESH = new Tracked(Incident.FRESH, null, null);
    }

    /** One logged alert. */
    record Logged(long id, long accountId, String type, String data, Instant createdAt) {
    }

    /** The cursor, locked until the transaction ends; empty when the scanner never ran. */
    Optional<Long> lockCursor() {
        return sql.one("SELECT last_id FROM alert_cursor WHERE name = 'checks' FOR UPDATE", rs -> rs.getLong(1));
    }

    void startCursor(long lastId) {
        sql.update("INSERT INTO alert_cursor (name, last_id) VALUES ('checks', ?) ON CONFLICT (name) DO NOTHING", lastId);
    }

    void moveCursor(long lastId) {
        sql.update("UPDATE alert_cursor SET last_id = ? WHERE name = 'checks'", lastId);
    }

    Map<Long, Tracked> incidents(Collection<Long> endpointIds) {
        Map<Long, Tracked> out = new HashMap<>();
        if (endpointIds.isEmpty()) return out;
        sql.query("SELECT endpoint_id, state, fails, first_fail_at, ups, down_since, stale_since FROM alert_incident"
                        + " WHERE endpoint_id = ANY (?)",
                rs -> {
                    out.put(rs.getLong(1), new Tracked(new Incident(Incident.State.valueOf(rs.getString(2)), rs.getInt(3),
                            instant(rs.getObject(4, OffsetDateTime.class)), rs.getInt(5)), instant(rs.getObject(6, OffsetDateTime.class)),
                            instant(rs.getObject(7, OffsetDateTime.class))));
                    return null;
                }, endpointIds);
        return out;
    }

    void save(long endpointId, Tracked t) {
        Incident i = t.incident();
        sql.update("""
                INSERT INTO alert_incident (endpoint_id, state, fails, first_fail_at, ups, down_since, stale_since)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (endpoint_id) DO UPDATE SET state = EXCLUDED.state, fails = EXCLUDED.fails,
                  first_fail_at = EXCLUDED.first_fail_at, ups = EXCLUDED.ups, down_since = EXCLUDED.down_since,
                  stale_since = EXCLUDED.stale_since, updated_at = now()""",
                endpointId, i.state().name(), i.fails(), i.firstFailAt(), i.ups(), t.downSince(), t.staleSince());
    }

    void log(long accountId, String type, String dataJson, boolean digestPending) {
        sql.update("INSERT INTO alert_log (account_id, type, data, digest_pending) VALUES (?, ?, ?::jsonb, ?)",
                accountId, type, dataJson, digestPending);
    }

    List<Logged> recent(long accountId, int limit) {
        return sql.query("SELECT id, account_id, type, data::text, created_at FROM alert_log WHERE account_id = ? ORDER BY id DESC LIMIT ?",
                AlertRepository::logged, accountId, limit);
    }

    /** The accounts with alerts waiting for a digest. */
    List<Long> digestAccounts() {
        return sql.query("SELECT DISTINCT account_id FROM alert_log WHERE digest_pending", rs -> rs.getLong(1));
    }

    /** Takes the alerts waiting for this account's digest (they are no longer pending). */
    List<Logged> takeDigest(long accountId) {
        return sql.query("UPDATE alert_log SET digest_pending = false WHERE account_id = ? AND digest_pending"
                + " RETURNING id, account_id, type, data::text, created_at", AlertRepository::logged, accountId)
                .stream().sorted(java.util.Comparator.comparingLong(Logged::id)).toList();
    }

    private static Logged logged(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Logged(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class).toInstant());
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
