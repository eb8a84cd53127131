package org.proxyfund.settlement;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One endpoint's line in a stored settlement: the central monitor's summed counts over the epoch, its outcome
 * ({@code COUNTED} or an {@link Exclusion} name), and the basis it was paid on ({@code CENTRAL}, or
 * {@code REGIONAL_MEDIAN} with the served region, how many agents took part and their median uptime in ppm).
 */
public record SettledEndpoint(long endpointId, long operatorId, @Schema(nullable = true) String label, String protocol, String region,
        long up, long down, long weakUp, String outcome, String basis, @Schema(nullable = true) String basisRegion,
        int basisAgents, @Schema(nullable = true) Integer regionalUptimePpm) {

    /** Whether the line was paid on its served region's agents' median uptime. */
    public boolean regional() {
        return regionalUptimePpm != null;
    }

    /** Uptime in basis points the line was paid on (the regional median, or up/(up+down); rounded down), or -1 without data. */
    public int uptimeBp() {
        if (regionalUptimePpm != null) {
            return regionalUptimePpm / 100;
        }
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
