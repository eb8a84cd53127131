package org.proxyfund.settlement;

import java.util.Map;

/**
 * The share parameters of an epoch: uptime threshold (basis points), weights per protocol and per region (per mille,
 * missing keys weigh defaultWeight) and the per-operator cap in satoshis (0 = no cap).
 */
public record ShareParameters(int thresholdBp, int defaultWeight, Map<String, Integer> protocolWeights,
        Map<String, Integer> regionWeights, long capSats) {

    /** Largest weight accepted; keeps weight products well inside a long. */
    public static final int MAX_WEIGHT = 1_000_000;

    public ShareParameters {
        if (thresholdBp < 0 || thresholdBp > 10_000) {
            throw new IllegalArgumentException("uptime threshold must be 0..10000 basis points, got " + thresholdBp);
        }
        checkWeight("default weight", defaultWeight);
        protocolWeights = Map.copyOf(protocolWeights);
        regionWeights = Map.copyOf(regionWeights);
        protocolWeights.forEach((k, w) -> checkWeight("weight of protocol " + k, w));
        regionWeights.forEach((k, w) -> checkWeight("weight of region " + k, w));
        if (capSats < 0) {
            throw new IllegalArgumentException("operator cap must not be negative (0 = no cap), got " + capSats);
        }
    }

    /** Defaults: 90 % threshold, every weight 1000, no cap. */
    public static ShareParameters defaults() {
        return new ShareParameters(9000, 1000, Map.of(), Map.of(), 0);
    }

    /** The rules configured in {@code proxyfund.settlement.*}. */
    public static ShareParameters from(SettlementConfig config) {
        return new ShareParameters(config.uptimeThresholdBp(), config.defaultWeight(), config.protocolWeights(),
                config.regionWeights(), config.operatorCapSats());
    }

    /** Exact threshold test: up·10000 ≥ threshold·(up+down), no rounding. */
    public boolean meetsThreshold(long up, long down) {
        return up * 10_000 >= (long) thresholdBp * (up + down);
    }

    /** Protocol weight × region weight of an endpoint. */
    public long weight(String protocol, String region) {
        return (long) protocolWeights.getOrDefault(protocol, defaultWeight)
                * regionWeights.getOrDefault(region, defaultWeight);
    }

    private static void checkWeight(String what, int weight) {
        if (weight < 0 || weight > MAX_WEIGHT) {
            throw new IllegalArgumentException(what + " must be 0.." + MAX_WEIGHT + ", got " + weight);
        }
    }
}
