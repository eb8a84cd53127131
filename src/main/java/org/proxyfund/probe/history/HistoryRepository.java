package org.proxyfund.probe.history;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.common.db.Sql;
import org.proxyfund.probe.DetailJson;
import org.proxyfund.probe.schedule.ScheduleConfig;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads health history with plain SQL through {@link Sql} (the write side owns the tables' entities): uptime windows, hourly series
 * and current state, for one endpoint, one operator's or all, each in one grouped query whatever the count.
 */
@ApplicationScoped
class HistoryRepository {

    /** Which endpoints a query covers (endpoint's ids, from its own read): {@code e.id} in the queries. */
    record Scope(Long[] ids) {
        static Scope of(java.util.Collection<Long> ids) {
            return new Scope(ids.toArray(Long[]::new));
        }
    }

    /** The scope's ids as the row source {@code e(id)}: every query below starts from it. */
    private static final String IDS = " FROM unnest(?::bigint[]) AS e(id)";

    /**
     * Sums and latencies of one window, as SQL select items over rollup alias {@code r} (7 placeholders, all the
     * window's start). Latency is the mean of the hourly p50s (p95s) weighted by each hour's UP checks, rounded down:
     * one pass, no per-endpoint sort, so it stays cheap over 10,000 endpoints x 720 hours.
     */
    static String windowColumns() {
        String f = " FILTER (WHERE r.hour_start >= ?)";
        return "coalesce(sum(r.up_count)" + f + ", 0), coalesce(sum(r.down_count)" + f + ", 0), "
                + "coalesce(sum(r.unknown_count)" + f + ", 0), " + weighted("r.latency_p50_ms") + ", " + weighted("r.latency_p95_ms");
    }

    private static String weighted(String column) {
        String f = " FILTER (WHERE r.hour_start >= ? AND " + column + " IS NOT NULL)";
        return "(sum(" + column + "::bigint * r.up_count)" + f + "::bigint / nullif(sum(r.up_count)" + f + ", 0))::int";
    }

    /** The three windows' start hours for a given now: the window of N hours is the current hour and the N-1 before. */
    static OffsetDateTime[] windowStarts(Instant now) {
        Instant hour = currentHour(now);
        return new OffsetDateTime[]{utc(hour.minus(Duration.ofHours(23))), utc(hour.minus(Duration.ofHours(167))),
                utc(hour.minus(Duration.ofHours(719)))};
    }

    static Instant currentHour(Instant now) {
        return now.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
    }

    static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    @Inject
    Sql sql;

    @Inject
    ScheduleConfig schedule;

    /** Results recorded before this are STALE: two check intervals before {@code now}. */
    OffsetDateTime staleBefore(Instant now) {
        return utc(now.minus(schedule.interval().multipliedBy(2)));
    }

    /** Uptime windows of every endpoint in scope, keyed by endpoint id, in id order; endpoints without rollups get empty windows. */
    Map<Long, EndpointUptime> uptime(Scope scope, Instant now) {
        OffsetDateTime[] starts = windowStarts(now);
        String query = "SELECT e.id, " + windowColumns() + ", " + windowColumns() + ", " + windowColumns()
                + IDS + " LEFT JOIN check_rollup_hourly r ON r.endpoint_id = e.id"
                + " AND r.hour_start >= ? AND r.hour_start <= ? GROUP BY e.id ORDER BY e.id";
        List<Object> params = new ArrayList<>();
        for (OffsetDateTime start : starts) {
            params.addAll(Collections.nCopies(7, start));
        }
        params.addAll(List.of(scope.ids(), starts[2], utc(currentHour(now))));
        Map<Long, EndpointUptime> out = new LinkedHashMap<>();
        sql.query(query, rs -> new EndpointUptime(rs.getLong(1), window(rs, 2), window(rs, 7), window(rs, 12)), params.toArray())
                .forEach(u -> out.put(u.endpointId(), u));
        return out;
    }

    static UptimeWindow window(ResultSet rs, int col) throws SQLException {
        return new UptimeWindow(rs.getLong(col), rs.getLong(col + 1), rs.getLong(col + 2),
                rs.getObject(col + 3, Integer.class), rs.getObject(col + 4, Integer.class));
    }

    /** One hour row of one endpoint's series ({@code counts} null for an endpoint without rollups). */
    private record SeriesRow(long endpointId, HourCounts counts) {
    }

    /** The 168-hour series of every endpoint in scope, keyed by endpoint id. */
    Map<Long, WeekSeries> series(Scope scope, Instant now) {
        Instant hour = currentHour(now);
        Map<Long, Map<Instant, HourCounts>> rows = new LinkedHashMap<>();
        String query = "SELECT e.id, r.hour_start, r.up_count, r.down_count, r.unknown_count, r.weak_up_count"
                + IDS + " LEFT JOIN check_rollup_hourly r ON r.endpoint_id = e.id"
                + " AND r.hour_start >= ? AND r.hour_start <= ? ORDER BY e.id, r.hour_start";
        sql.query(query, rs -> {
            OffsetDateTime h = rs.getObject(2, OffsetDateTime.class);
            return new SeriesRow(rs.getLong(1), h == null ? null
                    : new HourCounts(h.toInstant(), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6)));
        }, scope.ids(), utc(hour.minus(Duration.ofHours(WeekSeries.HOURS - 1))), utc(hour)).forEach(r -> {
            Map<Instant, HourCounts> m = rows.computeIfAbsent(r.endpointId(), k -> new HashMap<>());
            if (r.counts() != null) {
                m.put(r.counts().hourStart(), r.counts());
            }
        });
        Map<Long, WeekSeries> out = new LinkedHashMap<>();
        rows.forEach((id, m) -> out.put(id, WeekSeries.of(id, hour, m)));
        return out;
    }

    /** The latest check of every endpoint in scope, keyed by endpoint id (NONE when never checked). */
    Map<Long, CurrentCheck> current(Scope scope) {
        OffsetDateTime staleBefore = staleBefore(Instant.now());
        String query = "SELECT e.id, s.last_status, s.last_reason, s.last_detail, s.last_checked_at, s.last_latency_ms,"
                + " s.down_since, coalesce(s.last_weak_evidence, false), s.last_detail_code::text"
                + IDS + " LEFT JOIN check_schedule s ON s.endpoint_id = e.id ORDER BY e.id";
        Map<Long, CurrentCheck> out = new LinkedHashMap<>();
        sql.query(query, rs -> Map.entry(rs.getLong(1), current(rs, 2, staleBefore)), (Object) scope.ids())
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /**
     * A CurrentCheck from columns status, reason, detail, checked at, latency, down since, weak, detail code (from {@code col});
     * STALE when checked before {@code staleBefore}.
     */
    static CurrentCheck current(ResultSet rs, int col, OffsetDateTime staleBefore) throws SQLException {
        String status = rs.getString(col);
        OffsetDateTime checkedAt = rs.getObject(col + 3, OffsetDateTime.class);
        if (status == null || checkedAt == null) {
            return CurrentCheck.NONE;
        }
        return new CurrentCheck(CurrentCheck.shownState(status, checkedAt, staleBefore), status, rs.getString(col + 1),
                rs.getString(col + 2), checkedAt,
                rs.getObject(col + 4, Integer.class), rs.getObject(col + 5, OffsetDateTime.class), rs.getBoolean(col + 6),
                DetailJson.read(rs.getString(col + 7)));
    }
}
