package org.proxyfund.probe.history;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.common.db.Sql;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Raw check results in the order they were recorded, for features that follow them (alerts): what came after a
 * result id. Results younger than {@code settle} are left for the next read, so a batch committed late by another
 * monitor with lower ids is not skipped.
 */
@ApplicationScoped
public class CheckStream {

    /** One recorded check: its id (the cursor), endpoint, time, status (UP, DOWN, UNKNOWN) and down reason. */
    public record Check(long id, long endpointId, Instant checkedAt, String status, String reason) {
    }

    @Inject
    Sql sql;

    /** Up to {@code limit} results with an id above {@code afterId}, recorded more than {@code settle} ago, by id. */
    public List<Check> after(long afterId, Duration settle, int limit) {
        return sql.query("""
                SELECT id, endpoint_id, checked_at, status, reason FROM check_result
                WHERE id > ? AND checked_at < now() - make_interval(secs => ?) ORDER BY id LIMIT ?""",
                rs -> new Check(rs.getLong(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getString(4), rs.getString(5)), afterId, (double) settle.toMillis() / 1000, limit);
    }

    /** The endpoints whose last check result is older than {@code before}, by id (those never checked are not). */
    public List<Long> silentSince(Instant before) {
        return sql.query("SELECT endpoint_id FROM check_schedule WHERE last_checked_at < ? ORDER BY endpoint_id",
                rs -> rs.getLong(1), before);
    }

    /** The highest result id now (where a follower that starts fresh begins). */
    public long lastId() {
        return sql.one("SELECT coalesce(max(id), 0) FROM check_result", rs -> rs.getLong(1)).orElse(0L);
    }
}
