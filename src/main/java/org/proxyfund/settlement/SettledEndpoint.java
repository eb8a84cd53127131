package org.proxyfund.settlement;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One endpoint's line in a stored settlement: its summed counts over the epoch and its outcome ({@code COUNTED} or an
 * {@link Exclusion} name).
 */
public record SettledEndpoint(long endpointId, long operatorId, @Schema(nullable = true) String label, String protocol, String region,
        long up, long down, long weakUp, String outcome) {

    /** Uptime in basis points (up/(up+down), rounded down), or -1 without data. */
    public int uptimeBp() {
        long total = up + down;
        return total == 0 ? -1 : (int) (up * 10_000 / total);
    }

    /** Uptime as text, e.g. {@code 99.95 %}, or a dash without data. */
    public String uptimeText() {
        int bp = uptimeBp();
        return bp < 0 ? "—" : String.format(java.util.Locale.ROOT, "%d.%02d %%", bp / 100, bp % 100);
    }

    /** True when it counted toward its operator's share. */
    public boolean counted() {
        return "COUNTED".equals(outcome);
    }
}
