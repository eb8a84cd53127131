package org.proxyfund.probe.schedule;

import org.jboss.logging.Logger;
import org.proxyfund.probe.CheckResult;
import org.proxyfund.probe.CheckStatus;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/**
 * Runs one leased check outside any transaction: the retry before DOWN, the monitor's impairment turning a result
 * into UNKNOWN, then one short transaction (shared with the results finishing at the same time) to record it while
 * the lease is still ours.
 */
final class CheckRunner {

    /** A DOWN is confirmed by a self-check started at most this long before the check ended. */
    static final Duration CONFIRM_WINDOW = Duration.ofSeconds(2);

    private static final Logger LOG = Logger.getLogger(CheckRunner.class);

    private final ScheduleConfig config;
    private final ResultWriter writer;
    private final Checkers checkers;
    private final SelfCheck self;
    private final SchedulerMetrics metrics;
    private final BooleanSupplier crashed;

    CheckRunner(ScheduleConfig config, String monitor, ScheduleRepository repository, Checkers checkers, SelfCheck self,
                SchedulerMetrics metrics, BooleanSupplier crashed) {
        this.config = config;
        this.writer = new ResultWriter(repository, monitor, config.batchSize());
        this.checkers = checkers;
        this.self = self;
        this.metrics = metrics;
        this.crashed = crashed;
    }

    /** The status recorded, or null when nothing was recorded (lease lost, simulated crash, infrastructure failure). */
    CheckStatus run(LeasedCheck lease, SelfCheck.Verdict round) {
        long started = System.nanoTime();
        OffsetDateTime checkedAt = OffsetDateTime.now(ZoneOffset.UTC);
        int attempts = 1;
        CheckResult result;
        try {
            if (!round.healthy()) {
                result = CheckResult.unknown("monitor impaired this round: " + round.detail());
            } else if (lease.target() == null) {
                result = CheckResult.unknown(lease.unreadable());
            } else {
                result = attempt(lease);
                while (result.status() == CheckStatus.DOWN && attempts <= config.retries() && !crashed.getAsBoolean()) {
                    Thread.sleep(config.retryDelay().toMillis());
                    result = attempt(lease);
                    attempts++;
                }
                if (result.status() == CheckStatus.DOWN) result = confirmDown(result, started);
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
            // The lease expires and another round retries it; nothing half-written stays behind.
            LOG.errorf(e, "Check of endpoint %d could not be completed", lease.endpointId());
            return null;
        }
    }

    private CheckResult attempt(LeasedCheck lease) {
        try {
            return checkers.check(lease.type(), lease.target());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Checker for %s failed on endpoint %d", lease.type(), lease.endpointId());
            return CheckResult.unknown("the monitor's checker failed: " + e.getClass().getSimpleName());
        }
    }

    /**
     * A DOWN only counts when the monitor was fine around it: no failed self-check since the check began, and a
     * self-check right after it (shared by concurrent checks) still healthy. Otherwise the run overlapped an impairment.
     */
    private CheckResult confirmDown(CheckResult down, long started) {
        SelfCheck.Verdict after = self.runSince(System.nanoTime() - CONFIRM_WINDOW.toNanos());
        if (self.failedSince(started) || !after.healthy()) {
            String why = after.healthy() ? "a self-check during this check failed" : after.detail();
            return CheckResult.unknown("monitor impaired during this check (" + why + "); it found: " + down.reason());
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
