package org.proxyfund.probe.trial;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import org.proxyfund.endpoint.Endpoint;
import org.proxyfund.endpoint.EndpointService;
import org.proxyfund.endpoint.EndpointState;
import org.proxyfund.endpoint.MonitorCredential;
import org.proxyfund.probe.CheckResult;
import org.proxyfund.probe.CheckTarget;
import org.proxyfund.probe.Checker;
import org.proxyfund.probe.Detail;
import org.proxyfund.probe.DownReason;
import org.proxyfund.probe.schedule.Checkers;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * "Check now" on a pending endpoint: the operator runs the real check of its type (same checker, canary, targets and
 * controls as the schedule) to verify the setup before an admin approves it. At most one per endpoint every
 * {@code proxyfund.probe.trial.every}, across replicas; the result is kept apart from the health checks, so it is
 * never uptime and never paid. The check runs outside any transaction, cut at {@code deadline}.
 */
@ApplicationScoped
public class TrialCheck {

    /** What asking for a check did. */
    public enum Outcome { CHECKED, TOO_SOON, NOT_PENDING, NOT_FOUND }

    /** The latest check asked for, as the endpoint page shows it ({@code detailCode} null for a detail stored as text only). */
    public record View(boolean checked, String status, String reason, String detail, String checkedText, String waitText,
                       Detail detailCode) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

    private final EndpointService endpoints;
    private final TrialCheckRepository repository;
    private final TrialCheckConfig config;
    private final Checkers checkers;

    public TrialCheck(EndpointService endpoints, TrialCheckRepository repository, TrialCheckConfig config,
                      @Any Instance<Checker> checkers) {
        this.endpoints = endpoints;
        this.repository = repository;
        this.config = config;
        this.checkers = new Checkers(checkers);
    }

    /** Runs a check of the owner's pending endpoint now, unless one ran less than {@code every} ago. */
    public Outcome run(long accountId, long endpointId) {
        Optional<Endpoint> found = QuarkusTransaction.requiringNew().call(() -> Endpoint.owned(endpointId, accountId));
        if (found.isEmpty()) return Outcome.NOT_FOUND;
        Endpoint e = found.get();
        if (e.state != EndpointState.PENDING) return Outcome.NOT_PENDING;
        if (!repository.claim(endpointId, config.every())) return Outcome.TOO_SOON;
        MonitorCredential credential = endpoints.monitorCredential(accountId, endpointId).orElseThrow();
        CheckTarget target = new CheckTarget(e.host, e.port, endpoints.protocolFields(e), credential);
        repository.store(endpointId, withinDeadline(e, target));
        return Outcome.CHECKED;
    }

    /** The latest check asked for on this endpoint, and until when the button waits. */
    public View latest(long endpointId) {
        Optional<TrialCheckRepository.Row> row = repository.latest(endpointId);
        if (row.isEmpty()) return new View(false, null, null, null, null, null, null);
        TrialCheckRepository.Row r = row.get();
        OffsetDateTime next = r.claimedAt().plus(config.every());
        String wait = next.isAfter(OffsetDateTime.now()) ? TIME.format(next.withOffsetSameInstant(ZoneOffset.UTC)) : null;
        return new View(r.checkedAt() != null, r.status(), r.reason(), r.detail(),
                r.checkedAt() == null ? null : TIME.format(r.checkedAt().withOffsetSameInstant(ZoneOffset.UTC)), wait, r.code());
    }

    private CheckResult withinDeadline(Endpoint e, CheckTarget target) {
        FutureTask<CheckResult> task = new FutureTask<>(() -> checkers.check(e.type, target));
        Thread worker = Thread.ofVirtual().name("trial-check-" + e.id).start(task);
        try {
            return ((Future<CheckResult>) task).get(config.deadline().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException ex) {
            worker.interrupt();
            return CheckResult.down(DownReason.TIMEOUT, Detail.of("trial_deadline", config.deadline().toSeconds()));
        } catch (ExecutionException ex) {
            return CheckResult.unknown(Detail.of("trial_failed", ex.getCause()));
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            worker.interrupt();
            return CheckResult.unknown(Detail.of("trial_interrupted"));
        }
    }
}
