package org.proxyfund.probe.history;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.common.db.Sql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** Public reads of the check rollups for other features: the counts that settlement pays on. */
@ApplicationScoped
public class RollupQueries {

    /**
     * Whole UTC days come from the daily sums (7 rows per endpoint and week instead of 168), the partial days at the
     * edges from the hours ({@link RollupRanges}); one query. The first recorded hour: the earliest hour row of the
     * edges, or the first whole day's start when all its 24 hours have rows, else that day's earliest hour row (one
     * index probe, only for endpoints whose first day is partial).
     *
     * <p>Each source is summed on its own and the two joined, rather than grouping their UNION ALL: over a UNION ALL
     * the planner cannot estimate the groups (it assumes 200) and joins the endpoints by 100,000 index probes; this way
     * it knows there are ~100,000 and hash-joins them (measured 20-25 % faster on a week of 100,000 endpoints).
     */
    private static final String EPOCH_COUNTS = """
            SELECT endpoint_id, (coalesce(d.up, 0) + coalesce(h.up, 0))::bigint,
                   (coalesce(d.down, 0) + coalesce(h.down, 0))::bigint, (coalesce(d.weak, 0) + coalesce(h.weak, 0))::bigint,
                   (coalesce(d.unknown, 0) + coalesce(h.unknown, 0))::bigint,
                   least(h.first, CASE WHEN d.first_hours = 24 THEN d.first_day ELSE
                       (SELECT min(x.hour_start) FROM check_rollup_hourly x WHERE x.endpoint_id = d.endpoint_id
                          AND x.hour_start >= d.first_day AND x.hour_start < d.first_day + interval '1 day') END)
            FROM (SELECT endpoint_id, sum(up_count) AS up, sum(down_count) AS down, sum(weak_up_count) AS weak,
                         sum(unknown_count) AS unknown, min(day_start) AS first_day,
                         (array_agg(hour_count ORDER BY day_start))[1] AS first_hours
                  FROM check_rollup_daily WHERE day_start >= ? AND day_start < ? GROUP BY endpoint_id) d
            FULL JOIN (SELECT endpoint_id, sum(up_count) AS up, sum(down_count) AS down, sum(weak_up_count) AS weak,
                              sum(unknown_count) AS unknown, min(hour_start) AS first
                       FROM check_rollup_hourly WHERE (hour_start >= ? AND hour_start < ?) OR (hour_start >= ? AND hour_start < ?)
                       GROUP BY endpoint_id) h USING (endpoint_id)""";

    @Inject
    Sql sql;

    /**
     * Every endpoint with rollups in [start, end), its counts summed, in no particular order. Inside a transaction
     * (as settlement calls it) the query gets the memory its 100,000 groups need.
     */
    public List<EpochCounts> epochCounts(Instant start, Instant end) {
        RollupRanges r = RollupRanges.of(start, end);
        // 100,000 groups of sums outgrow the default 4 MB work_mem: the hash aggregate would spill to disk
        sql.update("SET LOCAL work_mem = '128MB'");
        return sql.query(EPOCH_COUNTS, rs -> {
            OffsetDateTime first = rs.getObject(6, OffsetDateTime.class);
            return new EpochCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                    first == null ? null : first.toInstant());
        }, r.dayFrom(), r.dayTo(), r.start(), r.dayFrom(), r.dayTo(), r.end());
    }

    /**
     * DOWN checks per endpoint in the given whole-hour spans of its own (overlapping spans count each hour once): the
     * hours are generated from the spans and looked up by the rollups' primary key. Spans need not be sorted.
     */
    public java.util.Map<Long, Long> downInHours(List<HourSpan> spans) {
        java.util.Map<Long, Long> out = new java.util.HashMap<>();
        if (spans.isEmpty()) {
            return out;
        }
        Long[] ids = new Long[spans.size()];
        String[] starts = new String[spans.size()];
        String[] ends = new String[spans.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = spans.get(i).endpointId();
            starts[i] = spans.get(i).start().toString();
            ends[i] = spans.get(i).end().toString();
        }
        sql.query("""
                SELECT r.endpoint_id, sum(r.down_count)::bigint
                FROM (SELECT DISTINCT w.e, h FROM unnest(?::bigint[], ?::timestamptz[], ?::timestamptz[]) AS w(e, s, t),
                      generate_series(w.s, w.t - interval '1 hour', interval '1 hour') AS h) x
                JOIN check_rollup_hourly r ON r.endpoint_id = x.e AND r.hour_start = x.h
                GROUP BY r.endpoint_id""", rs -> java.util.Map.entry(rs.getLong(1), rs.getLong(2)), ids, starts, ends)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
