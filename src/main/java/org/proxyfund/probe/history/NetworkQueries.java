package org.proxyfund.probe.history;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.common.db.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Public reads of the whole network's health for the public status page: how many endpoints of each group are in each
 * shown state now, and the network's uptime over 24 h / 7 d / 30 d. Counts only, never an endpoint's identity.
 */
@ApplicationScoped
public class NetworkQueries {

    /** The shown state of each endpoint (as {@link CurrentCheck#shownState}), counted per group; one grouped query. */
    private static final String STATES = """
            SELECT g.grp, CASE WHEN s.last_checked_at IS NULL OR s.last_status IS NULL THEN 'NONE'
                               WHEN s.last_checked_at < ? THEN 'STALE' ELSE s.last_status END, count(*)
            FROM unnest(?::bigint[], ?::text[]) AS g(id, grp) LEFT JOIN check_schedule s ON s.endpoint_id = g.id
            GROUP BY 1, 2""";

    /** Three windows in one statement: 24 h from the hours; 7 d and 30 d from whole days plus the edge hours. */
    private static final String UPTIME = """
            SELECT * FROM
             (SELECT coalesce(sum(up_count), 0), coalesce(sum(down_count), 0), coalesce(sum(unknown_count), 0)
              FROM check_rollup_hourly WHERE hour_start >= ? AND hour_start < ?) h24,
             (SELECT coalesce(sum(up_count), 0), coalesce(sum(down_count), 0), coalesce(sum(unknown_count), 0)
              FROM check_rollup_daily WHERE day_start >= ? AND day_start < ?) d7,
             (SELECT coalesce(sum(up_count), 0), coalesce(sum(down_count), 0), coalesce(sum(unknown_count), 0)
              FROM check_rollup_hourly WHERE (hour_start >= ? AND hour_start < ?) OR (hour_start >= ? AND hour_start < ?)) e7,
             (SELECT coalesce(sum(up_count), 0), coalesce(sum(down_count), 0), coalesce(sum(unknown_count), 0)
              FROM check_rollup_daily WHERE day_start >= ? AND day_start < ?) d30,
             (SELECT coalesce(sum(up_count), 0), coalesce(sum(down_count), 0), coalesce(sum(unknown_count), 0)
              FROM check_rollup_hourly WHERE (hour_start >= ? AND hour_start < ?) OR (hour_start >= ? AND hour_start < ?)) e30""";

    @Inject
    Sql sql;

    @Inject
    HistoryRepository history;

    /**
     * For endpoints given as id → group (for example their protocol), how many are in each shown state now (UP, DOWN,
     * UNKNOWN, STALE, NONE): group → state → count. Groups without endpoints are absent.
     */
    public Map<String, Map<String, Long>> statesByGroup(Map<Long, String> groupOf, Instant now) {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        if (groupOf.isEmpty()) {
            return out;
        }
        Long[] ids = groupOf.keySet().toArray(Long[]::new);
        String[] groups = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            groups[i] = groupOf.get(ids[i]);
        }
        sql.query(STATES, rs -> List.of(rs.getString(1), rs.getString(2), rs.getLong(3)), history.staleBefore(now), ids, groups)
                .forEach(r -> out.computeIfAbsent((String) r.get(0), k -> new LinkedHashMap<>()).put((String) r.get(1), (Long) r.get(2)));
        return out;
    }

    /**
     * The network's checks over the windows the operators' pages use (the current hour and the 23, 167 or 719 before),
     * all endpoints' rollups summed (latencies not computed: null).
     */
    public NetworkUptime uptime(Instant now) {
        Instant end = HistoryRepository.currentHour(now).plus(Duration.ofHours(1));
        RollupRanges w7 = RollupRanges.of(end.minus(Duration.ofHours(168)), end);
        RollupRanges w30 = RollupRanges.of(end.minus(Duration.ofHours(720)), end);
        List<Object> p = new ArrayList<>(List.of(end.minus(Duration.ofHours(24)), end));
        for (RollupRanges r : List.of(w7, w30)) {
            p.addAll(List.of(r.dayFrom(), r.dayTo(), r.start(), r.dayFrom(), r.dayTo(), r.end()));
        }
        Object[] params = p.stream().map(t -> (Object) HistoryRepository.utc((Instant) t)).toArray();
        return sql.query(UPTIME, rs -> new NetworkUptime(window(rs, 1, 0), window(rs, 4, 7), window(rs, 10, 13)), params)
                .get(0);
    }

    /** The sums at columns {@code a} (up, down, unknown) plus, when {@code b > 0}, those at {@code b}. */
    private static UptimeWindow window(ResultSet rs, int a, int b) throws SQLException {
        long up = rs.getLong(a);
        long down = rs.getLong(a + 1);
        long unknown = rs.getLong(a + 2);
        if (b > 0) {
            up += rs.getLong(b);
            down += rs.getLong(b + 1);
            unknown += rs.getLong(b + 2);
        }
        return new UptimeWindow(up, down, unknown, null, null);
    }
}
