package org.proxyfund.agent;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Waits between failed calls: doubling from one second to five minutes, with jitter so agents do not return together. */
final class Backoff {

    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration MOST = Duration.ofMinutes(5);

    private Duration next = FIRST;

    /** The wait before the next try; each call doubles the one after it. */
    Duration next() {
        Duration now = next;
        next = next.multipliedBy(2).compareTo(MOST) > 0 ? MOST : next.multipliedBy(2);
        long ms = now.toMillis();
        return Duration.ofMillis(ms - ms / 5 + ThreadLocalRandom.current().nextLong(ms * 2 / 5 + 1));
    }

    /** A call succeeded: the next failure waits the shortest time again. */
    void reset() {
        next = FIRST;
    }
}
