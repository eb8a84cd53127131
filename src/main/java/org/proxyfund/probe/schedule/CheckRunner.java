package org.proxyfund.probe.schedule;

import org.jboss.logging.Logger;
import org.proxyfund.probe.CheckResult;
import org.proxyfund.probe.CheckStatus;
import org.proxyfund.probe.Detail;
import org.proxyfund.probe.DownReason;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/**
 * Runs one leased check outside any transaction: each attempt under one overall deadline that also ends inside the
 * lease, the retry before DOWN, the monitor's impairment turning a result into UNKNOWN, then one short transaction
 * (shared with the results finishing at the same time) to record it while the lease is still ours. When the scheduler
 * stops, an unfinished check gives its lease back instead.
 */
final class CheckRunner {

    /** A DOWN is confirmed by a self-check started at most this long before the check ended. */
    static final Duration CONFIRM_WINDOW = Duration.ofSeconds(2);
    /** An attempt is not started with less time than this left in the lease. */
    static final Duration MIN_ATTEMPT = Duration.ofMillis(200);
    /** At most this much of a lease is kept for confirming and recording. */
    static final Duration MAX_RECORDING_MARGIN = Duration.ofSeconds(5);

    private static final Logger LOG = Logger.getLogger(CheckRunner.class);

    private final ScheduleConfig config;
    private final ResultWriter writer;
    private final Checkers checkers;
    private final SelfCheck self;
    private final SchedulerMetrics metrics;
    private final BooleanSupplier crashed;
    private final StopSignal stop;
    private final ScheduleRepository repository;
    private final String monitor;
    private final OwnershipGate ownership;

    CheckRunner(ScheduleConfig config, String monitor, ScheduleRepository repository, Checkers checkers, SelfCheck self,
                SchedulerMetrics metrics, BooleanSupplier crashed, StopSignal stop, OwnershipGate ownership) {
        this.ownership = ownership;
        this.config = config;
        this.monitor = monitor;
        this.repository = repository;
        this.stop = stop;
        this.writer = new ResultWriter(repository, monitor, config.batchSize());
        this.checkers = checkers;
        this.self = self;
        this.metrics = metrics;
        this.crashed = crashed;
    }

    /**
     * The status recorded, or null when nothing was recorded (lease lost or run out, simulated crash, scheduler
     * stopping, infrastructure failure).
     */
    CheckStatus run(LeasedCheck lease, SelfCheck.Verdict round) {
        long started = System.nanoTime();
        // Work must end inside the lease, with a margin to record in: a result after it would be discarded anyway.
        long leaseEnd = lease.leasedNanos() + config.leaseDuration().toNanos() - recordingMargin();
        OffsetDateTime checkedAt = OffsetDateTime.now(ZoneOffset.UTC);
        int attempts = 0;
        CheckResult result = null;
        try {
            if (!round.healthy()) {
                result = CheckResult.unknown(Detail.of("impaired_round", round.detail()));
                attempts = 1;
            } else if (lease.target() == null) {
                result = CheckResult.unknown(Detail.of("verbatim", lease.unreadable()));
                attempts = 1;
            } else {
                while (true) {
                    long deadline = Math.min(System.nanoTime() + config.checkDeadline().toNanos(), leaseEnd);
                    if (deadline - System.nanoTime() < MIN_ATTEMPT.toNanos()) break;
                    CheckResult attempt = attempt(lease, deadline);
                    if (attempt == StopSignal.STOPPED) return release(lease);
                    result = attempt;
                    attempts++;
                    if (!retryable(result) || attempts > config.retries() || crashed.getAsBoolean()) break;
                    if (stop.pause(config.retryDelay())) return release(lease);
                }
                if (result == null) {
                    metrics.discarded();
                    LOG.debugf("Lease on endpoint %d ran out before its check could start; nothing recorded", lease.endpointId());
                    return null;
                }
                if (result.status() == CheckStatus.DOWN && result.reason() != DownReason.OPEN_PROXY) result = confirmDown(result, started);
                result = ownership.apply(lease.endpointId(), lease.type(), result);
            }
            if (crashed.getAsBoolean()) return null;
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            if (!writer.record(new ScheduleRepository.Outcome(lease, result, attempts, checkedAt, aheadSeconds(), catchUpSeconds()))) {
                metrics.discarded();
                LOG.debugf("Lease on endpoint %d was lost before its result came in; result discarded", lease.endpointId());
                return null;
            }
            metrics.checked(lease.type(), result.status(), took);
            return result.status();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (RuntimeException e) {
            if (stop.stopped()) {
                // The database may already be going away with the application: the lease simply expires.
                LOG.debugf(e, "Check of endpoint %d not recorded while the monitor stops", lease.endpointId());
                return null;
            }
            // The lease expires and another round retries it; nothing half-written stays behind.
            LOG.errorf(e, "Check of endpoint %d could not be completed", lease.endpointId());
            return null;
        }
    }

    /** A DOWN that says something definite about the endpoint is not retried: a second look cannot undo it. */
    private static boolean retryable(CheckResult result) {
        return result.status() == CheckStatus.DOWN && result.reason() != DownReason.OPEN_PROXY;
    }

    /** Runs the checker on a thread of its own, so the deadline can end it (interrupting a virtual thread closes its socket). */
    private CheckResult attempt(LeasedCheck lease, long deadline) throws InterruptedException {
        CompletableFuture<CheckResult> verdict = new CompletableFuture<>();
        long budgetSeconds = Math.max(1, Math.round((deadline - System.nanoTime()) / 1e9));
        Thread thread = Thread.ofVirtual().name("check-" + lease.endpointId()).start(() -> {
            try {
                verdict.complete(checkers.check(lease.type(), lease.target()));
            } catch (RuntimeException | Error e) {
                verdict.completeExceptionally(e);
            }
        });
        try {
            CheckResult result = stop.await(verdict, deadline - System.nanoTime());
            if (result == null || result == StopSignal.STOPPED) thread.interrupt();
            if (result != null) return result;
            return CheckResult.down(DownReason.TIMEOUT, Detail.of("check_deadline", budgetSeconds));
        } catch (ExecutionException e) {
            LOG.errorf(e.getCause(), "Checker for %s failed on endpoint %d", lease.type(), lease.endpointId());
            return CheckResult.unknown(Detail.of("checker_failed", e.getCause().getClass().getSimpleName()));
        }
    }

    /** Gives the lease back unrecorded (the scheduler is stopping), so another replica checks the endpoint at once. */
    private CheckStatus release(LeasedCheck lease) {
        try {
            repository.release(monitor, List.of(lease));
        } catch (RuntimeException e) {
            LOG.debugf(e, "Lease on endpoint %d left to expire", lease.endpointId());
        }
        return null;
    }

    /** Time kept free at the end of a lease for the confirming self-check and the recording transaction. */
    private long recordingMargin() {
        return Math.min(MAX_RECORDING_MARGIN.toNanos(), config.leaseDuration().toNanos() / 4);
    }

    /**
     * A DOWN only counts when the monitor was fine around it: no failed self-check since the check began, and a
     * self-check right after it (shared by concurrent checks) still healthy. Otherwise the run overlapped an impairment.
     */
    private CheckResult confirmDown(CheckResult down, long started) {
        SelfCheck.Verdict after = self.runSince(System.nanoTime() - CONFIRM_WINDOW.toNanos());
        if (self.failedSince(started) || !after.healthy()) {
            Detail why = after.healthy() ? Detail.of("self_check_failed") : Detail.of("verbatim", after.detail());
            return CheckResult.unknown(Detail.of("impaired_during", why, down.reason()));
        }
        return down;
    }

    private double aheadSeconds() {
        double interval = ScheduleRepository.seconds(config.interval());
        return interval + (ThreadLocalRandom.current().nextDouble() * 2 - 1) * config.jitter() * interval;
    }

    private double catchUpSeconds() {
        return ThreadLocalRandom.current().nextDouble() * config.jitter() * ScheduleRepository.seconds(config.interval());
    }
}
