package org.proxyfund.alert;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.proxyfund.common.events.OperatorEvent;
import org.proxyfund.common.events.OperatorEventType;
import org.proxyfund.endpoint.EndpointFacts;
import org.proxyfund.endpoint.EndpointQueries;
import org.proxyfund.endpoint.EndpointState;
import org.proxyfund.maintenance.MaintenanceQueries;
import org.proxyfund.maintenance.MaintenanceWindow;
import org.proxyfund.probe.history.CheckStream;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Follows the check results in the order they were recorded and feeds each endpoint's honest checks (UP or DOWN, not
 * the monitor's own UNKNOWN) to its {@link Incident}; a confirmed outage and its end are fired as operator events
 * (endpoint.down, endpoint.recovered) in the same transaction that moves the cursor, so each is raised exactly once.
 * Checks inside the endpoint's declared maintenance windows count as maintenance. One scanner at a time (the cursor row
 * is locked). An approved endpoint without any result for stale-after is alerted once as endpoint.stale (not inside a
 * maintenance window), until a result comes again. Network I/O never happens here (mail and webhooks go through their outboxes).
 */
@ApplicationScoped
class AlertScanner {

    @Inject
    AlertConfig config;
    @Inject
    AlertRepository repository;
    @Inject
    CheckStream checks;
    @Inject
    MaintenanceQueries maintenance;
    @Inject
    EndpointQueries endpoints;
    @Inject
    Event<OperatorEvent> events;

    @Scheduled(every = "${proxyfund.alert.poll:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "${proxyfund.alert.poll:30s}")
    void scheduled() {
        if (config.enabled()) {
            runOnce();
        }
    }

    /** One read; returns the check results it went through. */
    int runOnce() {
        return QuarkusTransaction.requiringNew().call(this::scan);
    }

    private int scan() {
        var cursor = repository.lockCursor();
        if (cursor.isEmpty()) {
            repository.startCursor(checks.lastId());  // a fresh start alerts nothing about the past results
            stale();
            return 0;
        }
        List<CheckStream.Check> batch = checks.after(cursor.get(), config.settle(), config.batch());
        if (!batch.isEmpty()) {
            follow(batch);
            repository.moveCursor(batch.get(batch.size() - 1).id());
        }
        stale();
        return batch.size();
    }

    /**
     * Alerts once each approved endpoint without a result for stale-after, outside its maintenance windows; the mark
     * stays until a result arrives ({@link #follow} clears it).
     */
    private void stale() {
        Instant now = Instant.now();
        Set<Long> silent = new LinkedHashSet<>(checks.silentSince(now.minus(config.staleAfter())));
        if (silent.isEmpty()) return;
        silent.retainAll(Set.copyOf(endpoints.idsIn(EndpointState.APPROVED)));
        silent.removeAll(maintenance.inMaintenance(silent, now));
        Map<Long, AlertRepository.Tracked> tracked = repository.incidents(silent);
        Map<Long, EndpointFacts> facts = endpoints.facts(silent);
        Map<Long, String> labels = endpoints.labels(silent);
        for (long id : silent) {
            AlertRepository.Tracked t = tracked.getOrDefault(id, AlertRepository.Tracked.FRESH);
            EndpointFacts f = facts.get(id);
            if (t.staleSince() != null || f == null || f.retiredAt() != null) continue;
            events.fire(new OperatorEvent(OperatorEventType.ENDPOINT_STALE, f.operatorId(), Map.of("endpointId", id,
                    "label", label(labels, id), "staleAfterMinutes", config.staleAfter().toMinutes())));
            repository.save(id, new AlertRepository.Tracked(t.incident(), t.downSince(), now));
        }
    }

    private void follow(List<CheckStream.Check> batch) {
        Set<Long> ids = new LinkedHashSet<>();
        batch.forEach(c -> ids.add(c.endpointId()));
        Map<Long, AlertRepository.Tracked> tracked = repository.incidents(ids);
        Map<Long, EndpointFacts> facts = endpoints.facts(ids);
        Map<Long, String> labels = endpoints.labels(ids);
        Instant from = batch.stream().map(CheckStream.Check::checkedAt).min(Instant::compareTo).orElseThrow();
        Instant to = batch.stream().map(CheckStream.Check::checkedAt).max(Instant::compareTo).orElseThrow().plusMillis(1);
        Map<Long, List<MaintenanceWindow>> windows = new HashMap<>();
        maintenance.declaredOverlapping(from, to).forEach(w -> windows.computeIfAbsent(w.endpointId(), k -> new java.util.ArrayList<>()).add(w));
        Set<Long> changed = new LinkedHashSet<>();
        for (CheckStream.Check c : batch) {
            if ("UNKNOWN".equals(c.status()) || !facts.containsKey(c.endpointId())) continue;
            AlertRepository.Tracked before = tracked.getOrDefault(c.endpointId(), AlertRepository.Tracked.FRESH);
            boolean inWindow = windows.getOrDefault(c.endpointId(), List.of()).stream()
                    .anyMatch(w -> !c.checkedAt().isBefore(w.startsAt()) && c.checkedAt().isBefore(w.endsAt()));
            Incident.Step step = before.incident().on("UP".equals(c.status()), c.checkedAt(), inWindow, config.rules());
            Instant downSince = before.downSince();
            long account = facts.get(c.endpointId()).operatorId();
            String label = label(labels, c.endpointId());
            if (step.alert() == Incident.Alert.DOWN) {
                downSince = before.incident().firstFailAt() == null ? c.checkedAt() : before.incident().firstFailAt();
                events.fire(new OperatorEvent(OperatorEventType.ENDPOINT_DOWN, account, Map.of("endpointId", c.endpointId(),
                        "label", label, "since", downSince.toString(), "reason", c.reason() == null ? "" : c.reason())));
            } else if (step.alert() == Incident.Alert.RECOVERED) {
                events.fire(new OperatorEvent(OperatorEventType.ENDPOINT_RECOVERED, account, Map.of("endpointId", c.endpointId(),
                        "label", label, "since", String.valueOf(downSince), "at", c.checkedAt().toString())));
                downSince = null;
            }
            tracked.put(c.endpointId(), new AlertRepository.Tracked(step.next(), downSince, null));
            if (!step.next().equals(before.incident()) || step.alert() != Incident.Alert.NONE || before.staleSince() != null) {
                changed.add(c.endpointId());
            }
        }
        changed.forEach(id -> repository.save(id, tracked.get(id)));
    }

    private static String label(Map<Long, String> labels, long id) {
        String l = labels.get(id);
        return l == null || l.isBlank() ? "#" + id : l;
    }
}
