package org.proxyfund.bench;

import java.util.concurrent.atomic.AtomicLong;

/** CPU used by a set of process trees between start and stop, and their peak resident memory, sampled every 200 ms. */
final class Sampler {

    /** What the sampler saw. */
    record Totals(double cpuSeconds, long peakRssBytes) {
    }

    private final long[] pids;
    private final double cpuBefore;
    private final AtomicLong peakRss = new AtomicLong();
    private volatile boolean running = true;
    private final Thread thread;

    private Sampler(long[] pids) {
        this.pids = pids;
        this.cpuBefore = cpu();
        this.thread = Thread.ofPlatform().daemon().name("bench-sampler").start(() -> {
            while (running) {
                long rss = 0;
                for (long pid : this.pids) rss += ProcStats.treeRssBytes(pid);
                peakRss.accumulateAndGet(rss, Math::max);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    static Sampler start(long... pids) {
        return new Sampler(pids);
    }

    Totals stop() throws InterruptedException {
        running = false;
        thread.join();
        return new Totals(cpu() - cpuBefore, peakRss.get());
    }

    private double cpu() {
        double sum = 0;
        for (long pid : pids) sum += ProcStats.treeCpuSeconds(pid);
        return sum;
    }
}
