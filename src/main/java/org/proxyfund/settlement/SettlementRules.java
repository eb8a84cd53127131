package org.proxyfund.settlement;

import java.util.Map;
import java.util.TreeMap;

/**
 * The rules one settlement applied, stored with it as JSON: threshold, weights, cap and the weak-evidence weight.
 *
 * @param weakEvidenceWeight per mille of a relayed UP that a weak-evidence UP is worth in the pay weight
 */
public record SettlementRules(int thresholdBp, int defaultWeight, Map<String, Integer> protocolWeights,
        Map<String, Integer> regionWeights, long capSats, int weakEvidenceWeight) {

    /** Scale of the weighted UP counts handed to the calculator: a relayed UP counts this much, a weak one its weight. */
    static final long SCALE = 1000;

    public SettlementRules {
        protocolWeights = new TreeMap<>(protocolWeights);
        regionWeights = new TreeMap<>(regionWeights);
        if (weakEvidenceWeight < 0 || weakEvidenceWeight > SCALE) {
            throw new IllegalArgumentException("weak-evidence weight must be 0..1000 per mille, got " + weakEvidenceWeight);
        }
    }

    /** The rules configured in {@code proxyfund.settlement.*}. */
    public static SettlementRules from(SettlementConfig config) {
        ShareRules r = ShareRules.from(config);
        return new SettlementRules(r.thresholdBp(), r.defaultWeight(), r.protocolWeights(), r.regionWeights(),
                r.capSats(), config.weakEvidenceWeight());
    }

    /** The share rules with the configured threshold, for the threshold test on raw counts. */
    public ShareRules shareRules() {
        return new ShareRules(thresholdBp, defaultWeight, protocolWeights, regionWeights, capSats);
    }

    /**
     * The calculator's rules: threshold 0, because the threshold was already applied to the raw counts and the
     * calculator sees weighted counts (in which weak UPs would otherwise count as partly down).
     */
    ShareRules calculatorRules() {
        return new ShareRules(0, defaultWeight, protocolWeights, regionWeights, capSats);
    }

    /** UP counts scaled for the calculator: relayed UPs × 1000 + weak UPs × weak weight. */
    long weightedUp(long up, long weakUp) {
        return (up - weakUp) * SCALE + weakUp * weakEvidenceWeight;
    }
}
