package org.proxyfund.bench;

import org.proxyfund.probe.CheckResult;
import org.proxyfund.probe.CheckTarget;
import org.proxyfund.probe.Checker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Runs one checker as fast as it goes over the targets, bounded concurrency on virtual threads, no database. */
final class CheckerLoad {

    private CheckerLoad() {
    }

    static Measurement run(String system, Checker checker, List<CheckTarget> targets, int concurrency,
                           Duration duration, long... measuredPids) throws InterruptedException {
        Semaphore slots = new Semaphore(concurrency);
        AtomicInteger next = new AtomicInteger();
        AtomicLong checks = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        Sampler sampler = Sampler.start(measuredPids);
        long started = System.nanoTime();
        long end = started + duration.toNanos();
        List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
        while (System.nanoTime() < end) {
            slots.acquire();
            CheckTarget target = targets.get(Math.floorMod(next.getAndIncrement(), targets.size()));
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    long t0 = System.nanoTime();
                    CheckResult result = checker.check(target);
                    micros.add((System.nanoTime() - t0) / 1000);
                    checks.incrementAndGet();
                    if (!result.isUp()) failures.incrementAndGet();
                } finally {
                    slots.release();
                }
            }));
        }
        slots.acquire(concurrency);
        double seconds = (System.nanoTime() - started) / 1e9;
        Sampler.Totals totals = sampler.stop();
        return new Measurement(system, targets.size(), checks.get(), failures.get(), seconds, totals.cpuSeconds(),
                ProcStats.percentile(micros, 99), totals.peakRssBytes());
    }
}
