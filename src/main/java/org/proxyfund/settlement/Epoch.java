package org.proxyfund.settlement;

import java.time.Instant;
import java.util.Objects;

/**
 * One settlement epoch: the half-open interval [start, end) in UTC, its index on the calendar and a stable
 * {@link #key()} that a settlement row can carry under a unique constraint.
 */
public record Epoch(long index, Instant start, Instant end, String key) {

    public Epoch {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(key, "key");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("epoch start " + start + " must be before its end " + end);
        }
    }

    /** True when {@code instant} lies in [start, end): the start belongs to this epoch, the end to the next. */
    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }
}
