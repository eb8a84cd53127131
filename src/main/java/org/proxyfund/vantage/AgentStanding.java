package org.proxyfund.vantage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.common.db.Sql;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How far each agent can be trusted, for the admin page: how often it agreed with its region's verdict, and whether
 * control endpoints show it impaired. The region's verdict for one of an agent's checks is the majority of the other
 * agents' accepted verdicts for the same endpoint and region within one interval either side; checks no other agent
 * made, and ties, are not compared.
 */
@ApplicationScoped
public class AgentStanding {

    /** What the admin page shows this far back. */
    static final Duration WINDOW = Duration.ofDays(1);

    /**
     * One agent's standing.
     *
     * @param agreed      compared checks where it agreed with the region
     * @param compared    checks another agent of its region also made (ties left out)
     * @param impairedNow a control check it failed while the central monitor did not holds it impaired now
     * @param impairments control checks that impaired it in the window
     */
    public record Standing(long agreed, long compared, boolean impairedNow, long impairments) {

        /** Agreement in whole percent, or -1 when nothing could be compared. */
        public int agreementPercent() {
            return compared == 0 ? -1 : (int) (agreed * 100 / compared);
        }
    }

    @Inject
    Sql sql;

    @Inject
    Impairments impairments;

    @Inject
    VantageConfig config;

    /** Every agent with results or impairments in the window; agents missing from the map have neither. */
    public Map<Long, Standing> all(Instant now) {
        Instant since = now.minus(WINDOW);
        long w = config.interval().toSeconds();
        Map<Long, long[]> agreement = new HashMap<>();
        sql.query("SELECT r.agent_id, count(*) FILTER (WHERE (v.ups * 2 > v.n AND r.status = 'UP') OR (v.ups * 2 < v.n AND r.status = 'DOWN')),"
                        + " count(*) FILTER (WHERE v.ups * 2 <> v.n) FROM agent_result r CROSS JOIN LATERAL (SELECT count(*) AS n,"
                        + " count(*) FILTER (WHERE o.status = 'UP') AS ups FROM agent_result o WHERE o.endpoint_id = r.endpoint_id"
                        + " AND o.region = r.region AND o.agent_id <> r.agent_id AND o.verdict = 'ACCEPTED' AND o.status IN ('UP', 'DOWN')"
                        + " AND o.checked_at BETWEEN r.checked_at - make_interval(secs => ?) AND r.checked_at + make_interval(secs => ?)) v"
                        + " WHERE r.verdict = 'ACCEPTED' AND r.status IN ('UP', 'DOWN') AND r.checked_at > ? AND v.n > 0 GROUP BY r.agent_id",
                rs -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)}, w, w, since)
                .forEach(row -> agreement.put(row[0], row));
        Map<Long, Impairments.Standing> impaired = impairments.standing(now, since);
        Map<Long, Standing> out = new HashMap<>();
        for (Long id : union(agreement.keySet(), impaired.keySet())) {
            long[] a = agreement.getOrDefault(id, new long[]{id, 0, 0});
            Impairments.Standing i = impaired.getOrDefault(id, new Impairments.Standing(false, 0));
            out.put(id, new Standing(a[1], a[2], i.now(), i.since()));
        }
        return out;
    }

    private static List<Long> union(java.util.Set<Long> a, java.util.Set<Long> b) {
        java.util.Set<Long> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
