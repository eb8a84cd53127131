package org.proxyfund.probe.history;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.endpoint.EndpointListing;
import org.proxyfund.endpoint.EndpointQueries;
import org.proxyfund.operator.OperatorQueries;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The admin health table: every endpoint (from {@link EndpointQueries}) with its operator's handle (from
 * {@link OperatorQueries}), sorted and paged by PostgreSQL in one statement over probe's own tables, so the order is
 * the database's collation and NULLS LAST exactly as when it was one join. The endpoints' ids and the sort column's
 * value (when endpoint or operator owns it) go in as arrays; uptime windows are summed for the page's endpoints only;
 * sorted by uptime, the sort window's ratio is also summed for every endpoint, over that window alone.
 */
@ApplicationScoped
class HealthTableRepository {

    @Inject
    DataSource dataSource;

    @Inject
    HistoryRepository history;

    @Inject
    EndpointQueries endpoints;

    @Inject
    OperatorQueries operators;

    /** One page; {@code page} is 1-based and clamped, {@code size} to 1..MAX_SIZE. */
    public HealthTable page(HealthSort sort, boolean descending, int page, int size, Instant now) {
        int pageSize = Math.clamp(size, 1, HealthTable.MAX_SIZE);
        List<EndpointListing> all = endpoints.listing();
        Map<Long, String> handles = operators.handles(all.stream().map(EndpointListing::operatorId).collect(Collectors.toSet()));
        long total = all.size();
        int pages = (int) Math.max(1, (total + pageSize - 1) / pageSize);
        int current = Math.clamp(page, 1, pages);
        OffsetDateTime[] starts = HistoryRepository.windowStarts(now);
        String dir = descending ? " DESC" : " ASC";
        String order = "ORDER BY " + sort.sql + dir + " NULLS LAST, e.id" + dir;
        String joins = " LEFT JOIN check_schedule s ON s.endpoint_id = e.id";
        String listCte = "e AS (SELECT * FROM unnest(?::bigint[], ?::text[]) AS e(id, sort_key))";
        // Sorted by uptime: the ratio of the sort's own window only, for every endpoint; all windows for the page alone.
        String ratioCte = "k AS (SELECT r.endpoint_id, sum(r.up_count)::numeric / nullif(sum(r.up_count) + sum(r.down_count), 0) AS ratio"
                + " FROM check_rollup_hourly r WHERE r.hour_start >= ? AND r.hour_start <= ? GROUP BY r.endpoint_id)";
        String ratioJoin = sort.byUptime() ? " LEFT JOIN k ON k.endpoint_id = e.id" : "";
        // The page keeps its rows' places, so the final select joins only the page's 1-200 rows, not every endpoint again.
        String pageCte = "page AS (SELECT e.id, row_number() OVER (" + order + ") AS pos FROM e" + joins + ratioJoin + " " + order
                + " LIMIT ? OFFSET ?)";
        String uptimeCte = "u AS (SELECT r.endpoint_id, " + sums("24") + ", " + sums("7") + ", " + sums("30")
                + " FROM check_rollup_hourly r WHERE r.hour_start >= ? AND r.hour_start <= ?"
                + " AND r.endpoint_id IN (SELECT id FROM page) GROUP BY r.endpoint_id)";
        OffsetDateTime end = HistoryRepository.utc(HistoryRepository.currentHour(now));
        Map<Long, EndpointListing> byId = new HashMap<>(all.size() * 2);
        Long[] ids = new Long[all.size()];
        String[] keys = new String[all.size()];
        for (int i = 0; i < ids.length; i++) {
            EndpointListing l = all.get(i);
            byId.put(l.endpointId(), l);
            ids[i] = l.endpointId();
            keys[i] = sort.key(l, handles.get(l.operatorId()));
        }
        List<Object> params = new ArrayList<>(List.of(ids, keys));
        String with = "WITH " + listCte + ", ";
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
        String sql = with + " SELECT p.id, s.last_status, s.last_reason, s.last_detail, s.last_checked_at, s.last_latency_ms, s.down_since,"
                + " coalesce(s.last_weak_evidence, false), s.last_detail_code::text, coalesce(u.up24, 0), coalesce(u.down24, 0), coalesce(u.unk24, 0),"
                + " coalesce(u.up7, 0), coalesce(u.down7, 0), coalesce(u.unk7, 0), coalesce(u.up30, 0), coalesce(u.down30, 0),"
                + " coalesce(u.unk30, 0) FROM page p LEFT JOIN check_schedule s ON s.endpoint_id = p.id"
                + " LEFT JOIN u ON u.endpoint_id = p.id ORDER BY p.pos";
        List<HealthRow> rows = new ArrayList<>();
        OffsetDateTime staleBefore = history.staleBefore(now);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                ps.setObject(i + 1, p instanceof Long[] a ? c.createArrayOf("bigint", a) : p instanceof String[] a ? c.createArrayOf("text", a) : p);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    EndpointListing l = byId.get(rs.getLong(1));
                    rows.add(new HealthRow(l.endpointId(), handles.get(l.operatorId()), l.name(), l.type(), l.region(), l.state(),
                            HistoryRepository.current(rs, 2, staleBefore), counts(rs, 10), counts(rs, 13), counts(rs, 16)));
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
}
