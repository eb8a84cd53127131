package org.proxyfund.probe.schedule;

/**
 * What one scheduler round did (for tests and the benchmark).
 *
 * @param healthy   whether the monitor's self-check passed at the start of the round
 * @param leased    endpoints leased
 * @param up        results recorded UP
 * @param down      results recorded DOWN
 * @param unknown   results recorded UNKNOWN
 * @param discarded checks not recorded: the lease had been lost (also counted in the discarded metric), or the
 *                  round was cut short by a crash or a database failure
 */
public record TickReport(boolean healthy, int leased, int up, int down, int unknown, int discarded) {

    /** Results written to check_result. */
    public int recorded() {
        return up + down + unknown;
    }
}
