package org.proxyfund.probe.history;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.common.db.Sql;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What the central monitor saw of endpoints at given moments, from its raw results (for probe agents' control checks). */
@ApplicationScoped
public class CentralChecks {

    @Inject
    Sql sql;

    /**
     * Which of these (endpoint, moment) pairs the central monitor found UP within {@code within} either side of the
     * moment: the positions (0-based) in the lists. One statement for the whole list.
     */
    public Set<Integer> upNear(List<Long> endpointIds, List<Instant> moments, Duration within) {
        if (endpointIds.size() != moments.size()) {
            throw new IllegalArgumentException("one moment per endpoint");
        }
        Set<Integer> out = new HashSet<>();
        if (endpointIds.isEmpty()) {
            return out;
        }
        List<Long> millis = moments.stream().map(Instant::toEpochMilli).toList();
        sql.query("SELECT v.i - 1 FROM unnest(?::bigint[], ?::bigint[]) WITH ORDINALITY AS v(e, t, i) WHERE EXISTS (SELECT 1"
                        + " FROM check_result k WHERE k.endpoint_id = v.e AND k.status = 'UP'"
                        + " AND k.checked_at BETWEEN to_timestamp((v.t - ?) / 1000.0) AND to_timestamp((v.t + ?) / 1000.0))",
                rs -> rs.getInt(1), endpointIds, millis, within.toMillis(), within.toMillis()).forEach(out::add);
        return out;
    }
}
