package org.proxyfund.probe.history;

import java.time.Instant;

/**
 * One endpoint's checks summed over a span (a settlement epoch) from the rollups, already merged across monitors:
 * UP, DOWN, weak UP (UP on evidence that cannot prove relaying, e.g. WireGuard's handshake) and UNKNOWN (the
 * monitor's own outages), and the first hour that has a rollup row in the span (null when none does).
 */
public record EpochCounts(long endpointId, long up, long down, long weakUp, long unknown, Instant firstRecorded) {
}
