package org.proxyfund.maintenance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.probe.history.HourSpan;
import org.proxyfund.probe.history.RollupQueries;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Public reads of declared maintenance for other features: settlement's excused DOWN checks, the status page's state. */
@ApplicationScoped
public class MaintenanceQueries {

    @Inject
    MaintenanceRepository repo;
    @Inject
    RollupQueries rollups;

    /**
     * Per endpoint, the DOWN checks of the hours of [start, end) that lie inside its declared, not cancelled windows
     * (an hour belongs to the period containing its start, as in the rollups; overlapping windows count an hour once).
     * Uncapped: the allowance is settlement's parameter. Two statements whatever the number of windows.
     */
    public Map<Long, Long> downInWindows(Instant start, Instant end) {
        Instant from = ceilHour(start);
        Instant to = ceilHour(end);
        List<HourSpan> spans = new ArrayList<>();
        for (MaintenanceWindow w : repo.overlapping(from, to)) {
            Instant s = w.startsAt().isBefore(from) ? from : w.startsAt();
            Instant e = w.endsAt().isAfter(to) ? to : w.endsAt();
            if (s.isBefore(e)) {
                spans.add(new HourSpan(w.endpointId(), s, e));
            }
        }
        return rollups.downInHours(spans);
    }

    /** Which of these endpoints are inside a declared maintenance window now. */
    public Set<Long> inMaintenance(Collection<Long> endpointIds, Instant now) {
        return repo.activeAt(endpointIds, now);
    }

    /** The declared, not cancelled windows of every endpoint that overlap [from, to) (alerts are silent inside them). */
    public List<MaintenanceWindow> declaredOverlapping(Instant from, Instant to) {
        return repo.overlapping(from, to);
    }

    /** The windows of these endpoints (newest start first, at most 50 each). */
    public List<MaintenanceWindow> windowsOf(Collection<Long> endpointIds, Instant now) {
        List<MaintenanceWindow> out = new ArrayList<>();
        endpointIds.forEach(id -> out.addAll(repo.of(id, now)));
        return out;
    }

    static Instant ceilHour(Instant t) {
        Instant h = t.truncatedTo(ChronoUnit.HOURS);
        return h.equals(t) ? h : h.plus(Duration.ofHours(1));
    }
}
