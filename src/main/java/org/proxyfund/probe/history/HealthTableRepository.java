package org.proxyfund.probe.history;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The admin health table in two queries per page: a count, and one statement that sorts and pages in PostgreSQL.
 * Uptime windows are summed for the page's endpoints only; sorted by uptime, the sort window's ratio is also summed
 * for every endpoint, over that window alone.
 */
@ApplicationScoped
class HealthTableRepository {

    @Inject
    DataSource dataSource;

    @Inject
    HistoryRepository history;

    /** One page; {@code page} is 1-based and clamped, {@code size} to 1..MAX_SIZE. */
    public HealthTable page(HealthSort sort, boolean descending, int page, int size, Instant now) {
        int pageSize = Math.clamp(size, 1, HealthTable.MAX_SIZE);
        long total = count();
        int pages = (int) Math.max(1, (total + pageSize - 1) / pageSize);
        int current = Math.clamp(page, 1, pages);
        OffsetDateTime[] starts = HistoryRepository.windowStarts(now);
        String dir = descending ? " DESC" : " ASC";
        String order = " ORDER BY " + sort.sql + dir + " NULLS LAST, e.id" + dir;
        String joins = " JOIN account a ON a.id = e.account_id LEFT JOIN check_schedule s ON s.endpoint_id = e.id";
        // Sorted by uptime: the ratio of the sort's own window only, for every endpoint; all windows for the page alone.
        String ratioCte = "k AS (SELECT r.endpoint_id, sum(r.up_count)::numeric / nullif(sum(r.up_count) + sum(r.down_count), 0) AS ratio"
                + " FROM check_rollup_hourly r WHERE r.hour_start >= ? AND r.hour_start <= ? GROUP BY r.endpoint_id)";
        String ratioJoin = sort.byUptime() ? " LEFT JOIN k ON k.endpoint_id = e.id" : "";
        String pageCte = "page AS (SELECT e.id FROM endpoint e" + joins + ratioJoin + order + " LIMIT ? OFFSET ?)";
        String uptimeCte = "u AS (SELECT r.endpoint_id, " + sums("24") + ", " + sums("7") + ", " + sums("30")
                + " FROM check_rollup_hourly r WHERE r.hour_start >= ? AND r.hour_start <= ?"
                + " AND r.endpoint_id IN (SELECT id FROM page) GROUP BY r.endpoint_id)";
        OffsetDateTime end = HistoryRepository.utc(HistoryRepository.currentHour(now));
        List<Object> params = new ArrayList<>();
        String with = "WITH ";
        if (sort.byUptime()) {
            with += ratioCte + ", ";
            params.add(starts[sort.window]);
            params.add(end);
        }
        with += pageCte + ", " + uptimeCte;
        params.add(pageSize);
        params.add((long) (current - 1) * pageSize);
        params.addAll(List.of(starts[0], starts[0], starts[0], starts[1], starts[1], starts[1], starts[2], starts[2], starts[2],
                starts[2], end));
        String sql = with + " SELECT e.id, a.handle, coalesce(nullif(e.label, ''), e.type), e.type, e.region, e.state,"
                + " s.last_status, s.last_reason, s.last_detail, s.last_checked_at, s.last_latency_ms, s.down_since,"
                + " coalesce(s.last_weak_evidence, false), s.last_detail_code::text, coalesce(u.up24, 0), coalesce(u.down24, 0), coalesce(u.unk24, 0),"
                + " coalesce(u.up7, 0), coalesce(u.down7, 0), coalesce(u.unk7, 0), coalesce(u.up30, 0), coalesce(u.down30, 0),"
                + " coalesce(u.unk30, 0) FROM page p JOIN endpoint e ON e.id = p.id" + joins
                + ratioJoin + " LEFT JOIN u ON u.endpoint_id = e.id" + order;
        List<HealthRow> rows = new ArrayList<>();
        OffsetDateTime staleBefore = history.staleBefore(now);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new HealthRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), HistoryRepository.current(rs, 7, staleBefore), counts(rs, 15), counts(rs, 18), counts(rs, 21)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the health table failed", e);
        }
        return new HealthTable(rows, total, current, pageSize, sort, descending);
    }

    private static String sums(String suffix) {
        String f = " FILTER (WHERE r.hour_start >= ?)";
        return "sum(r.up_count)" + f + " AS up" + suffix + ", sum(r.down_count)" + f + " AS down" + suffix
                + ", sum(r.unknown_count)" + f + " AS unk" + suffix;
    }

    private static UptimeWindow counts(ResultSet rs, int col) throws SQLException {
        return new UptimeWindow(rs.getLong(col), rs.getLong(col + 1), rs.getLong(col + 2), null, null);
    }

    private long count() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM endpoint");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("counting endpoints failed", e);
        }
    }
}
