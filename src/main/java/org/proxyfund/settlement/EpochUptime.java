package org.proxyfund.settlement;

import java.util.Objects;

/**
 * One endpoint's checks over an epoch, summed from the hourly rollups: UP and DOWN counts (UNKNOWN never counts,
 * so the monitor's own outages are not the operator's downtime).
 *
 * @param protocol endpoint type name as stored on the endpoint (key of the protocol weights)
 * @param region   served region (key of the region weights); empty when unknown
 */
public record EpochUptime(long operatorId, long endpointId, String protocol, String region, long upChecks,
        long downChecks) {

    /** Most checks of one kind per endpoint and epoch; far above a week of one check a second, keeps the threshold test inside a long. */
    public static final long MAX_CHECKS = Integer.MAX_VALUE;

    public EpochUptime {
        Objects.requireNonNull(protocol, "protocol");
        region = region == null ? "" : region;
        if (upChecks < 0 || downChecks < 0 || upChecks > MAX_CHECKS || downChecks > MAX_CHECKS) {
            throw new IllegalArgumentException("check counts of endpoint " + endpointId + " must be 0.." + MAX_CHECKS
                    + ", got up=" + upChecks + " down=" + downChecks);
        }
    }

    /** Checks that gave a verdict (UP or DOWN). */
    public long totalChecks() {
        return upChecks + downChecks;
    }
}
