package org.proxyfund.settlement;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/** Settlement rules: epoch calendar, budget, eligibility threshold, weights, cap and minimum payout (proxyfund.settlement.*). */
@ConfigMapping(prefix = "proxyfund.settlement")
public interface SettlementConfig {

    /** Epoch length: ISO period in weeks/days (P1W, P1D) or ISO duration (PT6H); UTC, so a day is always 24 h. */
    @WithDefault("P1W")
    String epochLength();

    /** Instant where epoch 0 starts (ISO-8601, UTC); the default is a Monday 00:00 UTC, giving ISO weeks. */
    @WithDefault("2024-01-01T00:00:00Z")
    String epochAnchor();

    /** FIXED: budget-fixed-sats per budget-period; PERCENT: budget-percent-bp of the confirmed balance per budget-period. */
    @WithDefault("PERCENT")
    BudgetPolicy.Mode budgetMode();

    /**
     * The elapsed time the budget amounts are for (ISO period or duration, like epoch-length): each settled epoch
     * gets its length's share of it, so changing the epoch length never changes how much is spent per week.
     */
    @WithDefault("P1W")
    String budgetPeriod();

    /** Budget per budget-period in satoshis when budget-mode is FIXED. */
    @WithDefault("0")
    long budgetFixedSats();

    /** Budget per budget-period in basis points of the confirmed balance when budget-mode is PERCENT (1000 = 10 %). */
    @WithDefault("1000")
    int budgetPercentBp();

    /** Satoshis of the confirmed balance never budgeted (kept for miner fees of payout batches). */
    @WithDefault("100000")
    long reserveSats();

    /** Minimum uptime over the epoch for an endpoint to count, in basis points (9000 = 90 %). */
    @WithDefault("9000")
    int uptimeThresholdBp();

    /**
     * Coverage floor in basis points (5000 = 50 %): an endpoint earns only if its recorded UP + DOWN reach this share
     * of the checks the schedule expected of it in the epoch (one per check-interval from its first recorded check,
     * less the UNKNOWN ones). 0 turns the rule off.
     */
    @WithDefault("5000")
    int minCoverageBp();

    /** The check interval the coverage rule expects; the schedule's own interval unless set. */
    @WithDefault("${proxyfund.probe.schedule.interval:60s}")
    java.time.Duration checkInterval();

    /** Weight of an endpoint type or region not listed in the weight maps, per mille (1000 = 1×). */
    @WithDefault("1000")
    int defaultWeight();

    /** Weight per endpoint type (protocol name as stored on the endpoint), per mille; unlisted types weigh default-weight. */
    Map<String, Integer> protocolWeights();

    /** Weight per served region (country code), per mille; unlisted regions weigh default-weight. */
    Map<String, Integer> regionWeights();

    /**
     * Pay weight of a weak-evidence UP (WireGuard/OpenVPN handshake or TCP connect only: nothing relayed), per mille
     * of a relayed UP. Counts fully toward the uptime threshold; only the pay weight is reduced.
     */
    @WithDefault("500")
    int weakEvidenceWeight();

    /**
     * Most downtime per endpoint and epoch that declared maintenance windows excuse (counted in checks: this over
     * check-interval); DOWN checks inside windows beyond it count as downtime. 0 turns the excuse off.
     */
    @WithDefault("PT4H")
    java.time.Duration maintenanceAllowance();

    /**
     * Distinct agent networks (network labels of ACTIVE, unimpaired agents with verdicts in the epoch) the served
     * region needs before an endpoint is paid on the median of its agents' uptimes instead of the central monitor's.
     */
    @WithDefault("2")
    int regionalQuorum();

    /** Most satoshis one operator is given per epoch; 0 means no cap. */
    @WithDefault("0")
    long operatorCapSats();

    /** Smallest amount sent in a payout; smaller amounts accrue to the operator's payable balance (well above dust). */
    @WithDefault("10000")
    long minimumPayoutSats();
}
