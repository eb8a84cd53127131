package org.proxyfund.probe.history;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Whole UTC hours [start, end) of one endpoint, e.g. a declared maintenance window clipped to an epoch. */
public record HourSpan(long endpointId, Instant start, Instant end) {

    public HourSpan {
        if (!start.truncatedTo(ChronoUnit.HOURS).equals(start) || !end.truncatedTo(ChronoUnit.HOURS).equals(end) || !end.isAfter(start)) {
            throw new IllegalArgumentException("a span is whole hours, start before end: " + start + " – " + end);
        }
    }
}
