package org.proxyfund.probe.history;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.endpoint.EndpointQueries;

import java.time.Instant;
import java.util.Map;

/**
 * Uptime of endpoints from the hourly rollups: up / (up + down), UNKNOWN excluded, over the last 24 hours, 7 days
 * and 30 days (the current clock hour and the 23, 167 or 719 before it). The batched methods cost a constant
 * number of queries whatever the number of endpoints. Read-only; the scheduler and rollup job write the tables.
 */
@ApplicationScoped
public class UptimeService {

    @Inject
    HistoryRepository history;

    @Inject
    EndpointQueries endpoints;

    /** One endpoint, when it exists (a deleted or unknown id reads as having no history). */
    private HistoryRepository.Scope one(long endpointId) {
        return HistoryRepository.Scope.of(endpoints.existing(java.util.List.of(endpointId)));
    }

    /** Uptime windows of one endpoint (all windows without data when it has no rollups or does not exist). */
    public EndpointUptime uptime(long endpointId) {
        return uptime(endpointId, Instant.now());
    }

    /** As {@link #uptime(long)}, with the windows ending at the clock hour containing {@code now}. */
    public EndpointUptime uptime(long endpointId, Instant now) {
        return history.uptime(one(endpointId), now).getOrDefault(endpointId, EndpointUptime.empty(endpointId));
    }

    /** Uptime windows of every endpoint of one operator, keyed by endpoint id (one query). */
    public Map<Long, EndpointUptime> forAccount(long accountId) {
        return forAccount(accountId, Instant.now());
    }

    public Map<Long, EndpointUptime> forAccount(long accountId, Instant now) {
        return history.uptime(HistoryRepository.Scope.of(endpoints.idsOf(accountId)), now);
    }

    /** Uptime windows of every endpoint, keyed by endpoint id (one grouped query; for settlement and exports). */
    public Map<Long, EndpointUptime> forAll() {
        return forAll(Instant.now());
    }

    public Map<Long, EndpointUptime> forAll(Instant now) {
        return history.uptime(HistoryRepository.Scope.of(endpoints.allIds()), now);
    }

    /** The 168-hour series of one endpoint, ending with the current hour. */
    public WeekSeries series(long endpointId, Instant now) {
        return history.series(one(endpointId), now)
                .getOrDefault(endpointId, WeekSeries.of(endpointId, HistoryRepository.currentHour(now), Map.of()));
    }

    /** The 168-hour series of every endpoint of one operator (one query). */
    public Map<Long, WeekSeries> seriesForAccount(long accountId, Instant now) {
        return history.series(HistoryRepository.Scope.of(endpoints.idsOf(accountId)), now);
    }

    /** The latest check of one endpoint, {@link CurrentCheck#NONE} if never checked. */
    public CurrentCheck current(long endpointId) {
        return history.current(one(endpointId)).getOrDefault(endpointId, CurrentCheck.NONE);
    }

    /** The latest check of every endpoint of one operator (one query). */
    public Map<Long, CurrentCheck> currentForAccount(long accountId) {
        return history.current(HistoryRepository.Scope.of(endpoints.idsOf(accountId)));
    }
}
