package org.proxyfund.probe.history;

/**
 * Check counts of one endpoint over one window (24 h, 7 d or 30 d) and its latency there.
 * Uptime is up / (up + down): UNKNOWN checks (the monitor's own trouble) count neither way.
 *
 * @param p50Ms typical latency: the window's hourly p50s averaged, weighted by each hour's UP checks; null without any
 * @param p95Ms slow-end latency: the hourly p95s averaged the same way; null without UP checks
 */
public record UptimeWindow(long up, long down, long unknown, Integer p50Ms, Integer p95Ms) {

    /** A window without a single counted check. */
    public static final UptimeWindow NONE = new UptimeWindow(0, 0, 0, null, null);

    public UptimeWindow {
        if (up < 0 || down < 0 || unknown < 0) {
            throw new IllegalArgumentException("negative check count");
        }
    }

    /** True when at least one UP or DOWN check fell in the window; without one there is no uptime (not 0 %, not 100 %). */
    public boolean hasData() {
        return up + down > 0;
    }

    /** Uptime in basis points (10000 = 100 %), rounded down so 99.996 % never shows as 100 %; null without data. */
    public Integer basisPoints() {
        return hasData() ? (int) (up * 10_000L / (up + down)) : null;
    }

    /** Uptime as text with two decimals ("99.95 %"), or null without data; exact integer arithmetic. */
    public String percent() {
        Integer bp = basisPoints();
        return bp == null ? null : bp / 100 + (bp % 100 < 10 ? ".0" : ".") + bp % 100 + " %";
    }
}
