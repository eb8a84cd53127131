package org.proxyfund.probe.schedule;

import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.logging.Logger;
import org.proxyfund.probe.CheckStatus;
import org.proxyfund.probe.ProbeConfig;
import org.proxyfund.probe.canary.Canary;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One monitor instance: each tick it checks itself when due, leases due endpoints in one short transaction, runs
 * their checks on virtual threads (at most max-concurrent at once) and records each result in its own short
 * transaction. Several instances (replicas, or several in one JVM with other monitor ids) share one database.
 */
public class CheckScheduler {

    private static final Logger LOG = Logger.getLogger(CheckScheduler.class);
    /** After stop-grace: how long the cut-off checks get to release their leases. */
    private static final Duration RELEASE_WAIT = Duration.ofSeconds(5);

    private final ScheduleConfig config;
    private final String monitor;
    private final ScheduleRepository repository;
    private final SelfCheck self;
    private final CheckRunner runner;
    private final SchedulerMetrics metrics;
    private final Semaphore permits;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final StopSignal stopSignal = new StopSignal();
    private volatile boolean crashed;
    private volatile boolean running;
    private volatile Thread loop;
    private long lastSelfCheckNanos;

    /** A scheduler for this monitor id; nothing runs until {@link #start()} or {@link #runOnce()}. */
    public CheckScheduler(ScheduleConfig config, String monitor, ScheduleRepository repository, Checkers checkers,
                          Canary canary, ProbeConfig probe, MeterRegistry registry, OwnershipGate ownership) {
        if (monitor == null || monitor.isBlank() || monitor.length() > 100) throw new IllegalArgumentException("monitor id must be 1-100 characters");
        if (config.jitter() < 0 || config.jitter() > 0.5) throw new IllegalArgumentException("proxyfund.probe.schedule.jitter must be within 0..0.5");
        this.config = config;
        this.monitor = monitor;
        this.repository = repository;
        SchedulerMetrics metrics = new SchedulerMetrics(registry, monitor);
        this.metrics = metrics;
        this.permits = new Semaphore(config.maxConcurrent());
        this.self = new SelfCheck(canary, probe, config.referenceEndpoints().orElse(List.of()), verdict -> {
            metrics.impaired(!verdict.healthy());
            repository.insertRound(monitor, verdict.startedAt(), verdict.healthy(), verdict.detail());
            if (!verdict.healthy()) LOG.warnf("Monitor %s impaired: %s", monitor, verdict.detail());
        });
        this.runner = new CheckRunner(config, monitor, repository, checkers, self, metrics, () -> crashed, stopSignal, ownership);
        Duration worst = config.checkDeadline().multipliedBy(config.retries() + 1L).plus(config.retryDelay().multipliedBy(config.retries()))
                .plus(CheckRunner.MAX_RECORDING_MARGIN);
        if (config.leaseDuration().compareTo(worst) <= 0) {
            LOG.warnf("Lease duration %s does not cover every attempt at its full deadline plus the retry delays (%s): a slow "
                    + "endpoint's retry is cut short to end inside the lease", config.leaseDuration(), worst);
        }
    }

    /** This instance's monitor id, as written in leases, check_result.monitor and monitor_round. */
    public String monitorId() {
        return monitor;
    }

    /** One complete round, waiting for its checks: self-check, schedule rows for new approvals, lease, check, record. */
    public TickReport runOnce() {
        SelfCheck.Verdict verdict = selfCheck();
        repository.insertMissing(config.interval());
        return runAll(lease(Math.min(config.batchSize(), permits.availablePermits())), verdict);
    }

    /** Runs checks leased earlier, after a fresh self-check (tests use it to finish a lease that has since expired). */
    TickReport runLeased(List<LeasedCheck> leases) {
        return runAll(leases, selfCheck());
    }

    private TickReport runAll(List<LeasedCheck> leases, SelfCheck.Verdict verdict) {
        List<Future<CheckStatus>> futures = new ArrayList<>();
        for (LeasedCheck lease : leases) futures.add(dispatch(lease, verdict));
        int up = 0, down = 0, unknown = 0, discarded = 0;
        for (Future<CheckStatus> f : futures) {
            CheckStatus status = await(f);
            if (status == null) discarded++;
            else if (status == CheckStatus.UP) up++;
            else if (status == CheckStatus.DOWN) down++;
            else unknown++;
        }
        return new TickReport(verdict.healthy(), leases.size(), up, down, unknown, discarded);
    }

    /** Starts ticking every tick-period in the background until {@link #stop()} or {@link #crash()}. */
    public synchronized void start() {
        if (running) return;
        if (crashed) throw new IllegalStateException("a crashed scheduler cannot be restarted; create a new one");
        running = true;
        loop = Thread.ofVirtual().name("check-scheduler-" + monitor).start(this::loop);
        LOG.infof("Check scheduler %s started (interval %s, max %d concurrent)", monitor, config.interval(), config.maxConcurrent());
    }

    /**
     * Graceful stop: leases nothing more, lets the running checks finish and be recorded for up to stop-grace, then
     * ends the rest and releases their leases unrecorded, so another replica checks those endpoints at once. Returns
     * when every check has been recorded or released.
     */
    public void stop() {
        running = false;
        joinLoop();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(config.stopGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                int unfinished = inFlight();
                stopSignal.stop();
                if (workers.awaitTermination(RELEASE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.infof("Check scheduler %s stopped; %d unfinished checks released their leases", monitor, unfinished);
                } else {
                    LOG.warnf("Check scheduler %s stopped with checks still running; their leases expire", monitor);
                }
            } else {
                LOG.infof("Check scheduler %s stopped; every running check was recorded", monitor);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Simulates a crash: stops at once, records nothing more and leaves its leases to expire for other monitors.
     * Checks still in their network I/O finish it (nothing is interrupted mid-socket) and drop their results.
     */
    public void crash() {
        crashed = true;
        running = false;
        joinLoop();
        workers.shutdown();
    }

    /** Whether the background loop runs. */
    public boolean isRunning() {
        return running;
    }

    /** Checks currently running. */
    public int inFlight() {
        return config.maxConcurrent() - permits.availablePermits();
    }

    /** Leases due endpoints without running them (tests use it to hold leases and then crash). */
    List<LeasedCheck> lease(int limit) {
        if (limit <= 0) return List.of();
        List<LeasedCheck> leases = repository.lease(monitor, limit, config.leaseDuration());
        leases.forEach(l -> metrics.leased(l.lag()));
        return leases;
    }

    private void loop() {
        while (running) {
            awaitFreeSlot();
            int limit = Math.min(config.batchSize(), permits.availablePermits());
            int leased = 0;
            try {
                leased = tick(limit);
            } catch (RuntimeException e) {
                LOG.error("Scheduler tick failed; retrying next tick", e);
            }
            // As many as asked for means more may be due: lease again as soon as a slot is free, not a tick later.
            if (leased < limit || limit == 0) sleep(config.tickPeriod());
        }
    }

    /** Waits (parked, briefly at a time) while every check slot is taken, so leases are never taken without a slot. */
    private void awaitFreeSlot() {
        while (running && permits.availablePermits() == 0) LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
    }

    private int tick(int limit) {
        long now = System.nanoTime();
        SelfCheck.Verdict verdict = self.latest();
        if (verdict == null || !verdict.healthy() || now - lastSelfCheckNanos >= config.selfCheckPeriod().toNanos()) {
            verdict = selfCheck();
            repository.insertMissing(config.interval());
        }
        List<LeasedCheck> leases = lease(limit);
        for (LeasedCheck lease : leases) dispatch(lease, verdict);
        return leases.size();
    }

    private SelfCheck.Verdict selfCheck() {
        lastSelfCheckNanos = System.nanoTime();
        return self.run();
    }

    private Future<CheckStatus> dispatch(LeasedCheck lease, SelfCheck.Verdict verdict) {
        permits.acquireUninterruptibly();
        metrics.started();
        try {
            return workers.submit(() -> {
                try {
                    return runner.run(lease, verdict);
                } finally {
                    metrics.finished();
                    permits.release();
                }
            });
        } catch (RuntimeException e) {
            metrics.finished();
            permits.release();
            throw e;
        }
    }

    private static CheckStatus await(Future<CheckStatus> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | java.util.concurrent.CancellationException e) {
            return null;
        }
    }

    private void joinLoop() {
        Thread t = loop;
        if (t == null) return;
        // Unpark, not interrupt: an interrupt would close a JDBC socket the loop may be using.
        LockSupport.unpark(t);
        try {
            t.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sleep(Duration d) {
        LockSupport.parkNanos(d.toNanos());
    }
}
