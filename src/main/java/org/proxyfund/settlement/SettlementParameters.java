package org.proxyfund.settlement;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parameters one settlement applied, stored with it as JSON (column {@code rules}): threshold, weights, cap and
 * the weak-evidence weight. Parameters, not transition logic: "Rules" names only state-transition tables.
 *
 * @param weakEvidenceWeight per mille of a relayed UP that a weak-evidence UP is worth in the pay weight
 * @param maintenanceAllowanceChecks most DOWN checks of an endpoint inside its declared maintenance windows that an
 *                                   epoch excludes from its downtime (the allowance over the check interval)
 * @param regionalQuorum distinct agent networks a served region needs for the regional median basis
 */
public record SettlementParameters(int thresholdBp, int defaultWeight, Map<String, Integer> protocolWeights,
        Map<String, Integer> regionWeights, long capSats, int weakEvidenceWeight, long maintenanceAllowanceChecks,
        int regionalQuorum) {

    /** Scale of the weighted UP counts handed to the calculator: a relayed UP counts this much, a weak one its weight. */
    static final long SCALE = 1000;

    public SettlementParameters {
        protocolWeights = new TreeMap<>(protocolWeights);
        regionWeights = new TreeMap<>(regionWeights);
        if (weakEvidenceWeight < 0 || weakEvidenceWeight > SCALE) {
            throw new IllegalArgumentException("weak-evidence weight must be 0..1000 per mille, got " + weakEvidenceWeight);
        }
        if (regionalQuorum < 1) {
            throw new IllegalArgumentException("regional quorum must be at least 1 network, got " + regionalQuorum);
        }
        if (maintenanceAllowanceChecks < 0) {
            throw new IllegalArgumentException("maintenance allowance must be >= 0 checks, got " + maintenanceAllowanceChecks);
        }
    }

    /** The parameters configured in {@code proxyfund.settlement.*}. */
    public static SettlementParameters from(SettlementConfig config) {
        ShareParameters r = ShareParameters.from(config);
        return new SettlementParameters(r.thresholdBp(), r.defaultWeight(), r.protocolWeights(), r.regionWeights(),
                r.capSats(), config.weakEvidenceWeight(), allowanceChecks(config.maintenanceAllowance(), config.checkInterval()),
                config.regionalQuorum());
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

    /** The allowance as a number of checks: one per check interval, whole intervals only (rounded down). */
    static long allowanceChecks(Duration allowance, Duration checkInterval) {
        if (allowance.isNegative() || !checkInterval.isPositive()) {
            throw new IllegalArgumentException("maintenance allowance must be >= 0 and the check interval > 0");
        }
        return allowance.toMillis() / checkInterval.toMillis();
    }

    /**
     * DOWN checks excluded from an endpoint's downtime for declared maintenance: those inside its windows, at most the
     * allowance, never more than its DOWN checks. Beyond the allowance every DOWN check counts.
     *
     * @param down          the endpoint's DOWN checks in the epoch
     * @param downInWindows those of them in hours inside its declared (not cancelled) maintenance windows
     */
    long maintenanceExcluded(long down, long downInWindows) {
        if (down < 0 || downInWindows < 0) {
            throw new IllegalArgumentException("negative check count");
        }
        return Math.min(Math.min(downInWindows, down), maintenanceAllowanceChecks);
    }
}
