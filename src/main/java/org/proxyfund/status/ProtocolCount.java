package org.proxyfund.status;

import java.util.Map;

/**
 * Approved endpoints of one protocol by the state shown now: in a declared maintenance window (whatever their checks
 * say), else up, down, stale (no result for more than two check intervals), unknown (the monitor could not tell) and
 * not checked yet.
 *
 * @param protocol the protocol's name as people read it ("SOCKS5"); "total" for the sum
 */
public record ProtocolCount(String protocol, long up, long down, long stale, long unknown, long unchecked, long maintenance) {

    /** The counts of one protocol from shown state → count, and those of its endpoints in maintenance (any state). */
    static ProtocolCount of(String protocol, Map<String, Long> byState, Map<String, Long> inMaintenance) {
        return new ProtocolCount(protocol, byState.getOrDefault("UP", 0L), byState.getOrDefault("DOWN", 0L),
                byState.getOrDefault("STALE", 0L), byState.getOrDefault("UNKNOWN", 0L), byState.getOrDefault("NONE", 0L),
                inMaintenance.values().stream().mapToLong(Long::longValue).sum());
    }

    /** The sum of two protocols' counts under another name. */
    ProtocolCount plus(ProtocolCount o, String name) {
        return new ProtocolCount(name, up + o.up, down + o.down, stale + o.stale, unknown + o.unknown, unchecked + o.unchecked,
                maintenance + o.maintenance);
    }

    /** All endpoints counted. */
    public long endpoints() {
        return up + down + stale + unknown + unchecked + maintenance;
    }
}
