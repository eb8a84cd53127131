package org.proxyfund.maintenance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.common.validation.FieldError;
import org.proxyfund.endpoint.EndpointFacts;
import org.proxyfund.endpoint.EndpointQueries;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Operators declare maintenance windows for their own endpoints ahead of time, in whole UTC hours, and may cancel one
 * before it starts. Nothing here can reach back in time: a window starts after its declaration (checked here, and by
 * the database against its own clock), and one that has started can no longer be cancelled or changed.
 */
@ApplicationScoped
public class MaintenanceService {

    @Inject
    MaintenanceRepository repo;
    @Inject
    EndpointQueries endpoints;
    @Inject
    MaintenanceConfig config;

    /** The windows of one of the operator's endpoints (newest first); empty when the endpoint is not theirs. */
    public Optional<List<MaintenanceWindow>> windows(long accountId, long endpointId) {
        return owns(accountId, endpointId) ? Optional.of(repo.of(endpointId, Instant.now())) : Optional.empty();
    }

    /**
     * Declares a window starting at {@code startsAt} (ISO-8601 instant, a whole UTC hour after now) for {@code hours}
     * hours.
     */
    public MaintenanceResult declare(long accountId, long endpointId, String startsAt, Integer hours) {
        if (!owns(accountId, endpointId)) {
            return new MaintenanceResult.NotFound();
        }
        Instant now = Instant.now();
        List<FieldError> errors = new ArrayList<>();
        Instant start = null;
        try {
            start = startsAt == null ? null : Instant.parse(startsAt.strip());
        } catch (DateTimeParseException e) {
            start = null;
        }
        if (start == null) {
            errors.add(new FieldError("startsAt", "maintenance.start.invalid", "Give the start as a UTC time such as 2026-12-24T03:00:00Z."));
        } else if (!start.truncatedTo(ChronoUnit.HOURS).equals(start)) {
            errors.add(new FieldError("startsAt", "maintenance.start.not_whole_hour", "A window starts at a whole hour (minutes and seconds 0, UTC)."));
        } else if (!start.isAfter(now)) {
            errors.add(new FieldError("startsAt", "maintenance.start.past", "A window must be declared before it starts."));
        } else if (start.isAfter(now.plus(config.maxAhead()))) {
            errors.add(new FieldError("startsAt", "maintenance.start.too_far", "A window may start at most "
                    + config.maxAhead().toDays() + " days ahead."));
        }
        int max = Math.min(config.maxHours(), 168);
        if (hours == null || hours < 1 || hours > max) {
            errors.add(new FieldError("hours", "maintenance.hours.range", "A window lasts 1 to " + max + " whole hours."));
        }
        if (errors.isEmpty() && repo.open(endpointId) >= config.maxOpen()) {
            errors.add(new FieldError("startsAt", "maintenance.too_many", "This endpoint has " + config.maxOpen()
                    + " windows planned or under way already; cancel one first."));
        }
        if (!errors.isEmpty()) {
            return new MaintenanceResult.Invalid(List.copyOf(errors));
        }
        Instant end = start.plus(Duration.ofHours(hours));
        try {
            long id = repo.insert(endpointId, start, end, accountId);
            return new MaintenanceResult.Done(MaintenanceWindow.of(id, endpointId, start, end, now, null, now));
        } catch (IllegalStateException e) {
            // The database's clock passed the start between the check above and the insert: its CHECK refused it.
            if (!(e.getCause() instanceof java.sql.SQLException sql) || !"23514".equals(sql.getSQLState())) {
                throw e;
            }
            return new MaintenanceResult.Invalid(List.of(new FieldError("startsAt", "maintenance.start.past",
                    "A window must be declared before it starts.")));
        }
    }

    /** Cancels a window of the operator's endpoint that has not started yet. */
    public MaintenanceResult cancel(long accountId, long endpointId, long windowId) {
        if (!owns(accountId, endpointId)) {
            return new MaintenanceResult.NotFound();
        }
        if (!repo.cancel(endpointId, windowId)) {
            return new MaintenanceResult.NotCancellable();
        }
        return repo.of(endpointId, Instant.now()).stream().filter(w -> w.id() == windowId).findFirst()
                .<MaintenanceResult>map(MaintenanceResult.Done::new).orElseGet(MaintenanceResult.NotCancellable::new);
    }

    private boolean owns(long accountId, long endpointId) {
        EndpointFacts f = endpoints.facts(List.of(endpointId)).get(endpointId);
        return f != null && f.operatorId() == accountId && f.retiredAt() == null;
    }
}
