package org.proxyfund.settlement;

import java.util.Map;
import java.util.TreeMap;

/**
 * The parameters one settlement applied, stored with it as JSON (column {@code rules}): threshold, weights, cap and
 * the weak-evidence weight. Parameters, not transition logic: "Rules" names only state-transition tables.
 *
 * @param weakEvidenceWeight per mille of a relayed UP that a weak-evidence UP is worth in the pay weight
 */
public record SettlementParameters(int thresholdBp, int defaultWeight, Map<String, Integer> protocolWeights,
        Map<String, Integer> regionWeights, long capSats, int weakEvidenceWeight) {

    /** Scale of the weighted UP counts handed to the calculator: a relayed UP counts this much, a weak one its weight. */
    static final long SCALE = 1000;

    public SettlementParameters {
        protocolWeights = new TreeMap<>(protocolWeights);
        regionWeights = new TreeMap<>(regionWeights);
        if (weakEvidenceWeight < 0 || weakEvidenceWeight > SCALE) {
            throw new IllegalArgumentException("weak-evidence weight must be 0..1000 per mille, got " + weakEvidenceWeight);
        }
    }

    /** The parameters configured in {@code proxyfund.settlement.*}. */
    public static SettlementParameters from(SettlementConfig config) {
        ShareParameters r = ShareParameters.from(config);
        return new SettlementParameters(r.thresholdBp(), r.defaultWeight(), r.protocolWeights(), r.regionWeights(),
                r.capSats(), config.weakEvidenceWeight());
    }

    /** The share parameters with the configured threshold, for the threshold test on raw counts. */
    public ShareParameters shareParameters() {
        return new ShareParameters(thresholdBp, defaultWeight, protocolWeights, regionWeights, capSats);
    }

    /**
     * The calculator's parameters: threshold 0, because the threshold was already applied to the raw counts and the
     * calculator sees weighted counts (in which weak UPs would otherwise count as partly down).
     */
    ShareParameters calculatorParameters() {
        return new ShareParameters(0, defaultWeight, protocolWeights, regionWeights, capSats);
    }

    /** UP counts scaled for the calculator: relayed UPs × 1000 + weak UPs × weak weight. */
    long weightedUp(long up, long weakUp) {
        return (up - weakUp) * SCALE + weakUp * weakEvidenceWeight;
    }
}
