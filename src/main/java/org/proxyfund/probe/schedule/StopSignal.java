package org.proxyfund.probe.schedule;

import org.proxyfund.probe.CheckResult;
import org.proxyfund.probe.Detail;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Every wait of a scheduler's checks (an attempt in flight, the pause before a retry) goes through here, so a
 * stopping scheduler can end them all at once: each then sees {@link #STOPPED} and releases its lease.
 */
final class StopSignal {

    /** What a wait returns once the scheduler is stopping; compared by identity. */
    static final CheckResult STOPPED = CheckResult.unknown(Detail.of("monitor_stopping"));

    private final Set<CompletableFuture<CheckResult>> waits = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    /**
     * The future's result; null when {@code timeoutNanos} passed first; {@link #STOPPED} when the scheduler stops
     * (before or during the wait). The checker's own failure comes out as ExecutionException.
     */
    CheckResult await(CompletableFuture<CheckResult> future, long timeoutNanos) throws InterruptedException, ExecutionException {
        waits.add(future);
        try {
            // Added before reading the flag, and stop() sets the flag before walking the set: one of them sees the other.
            if (stopped) future.complete(STOPPED);
            return future.get(Math.max(0, timeoutNanos), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return null;
        } finally {
            waits.remove(future);
        }
    }

    /** Waits this long unless the scheduler stops first; true when it stopped. */
    boolean pause(java.time.Duration duration) throws InterruptedException {
        try {
            return await(new CompletableFuture<>(), duration.toNanos()) == STOPPED;
        } catch (ExecutionException e) {
            throw new IllegalStateException("nothing completes a pause exceptionally", e);
        }
    }

    /** Ends every current and later wait with {@link #STOPPED}. */
    void stop() {
        stopped = true;
        waits.forEach(w -> w.complete(STOPPED));
    }

    boolean stopped() {
        return stopped;
    }
}
