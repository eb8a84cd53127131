package org.proxyfund.settlement;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Which uptime an endpoint's epoch is paid on, and that uptime: the median of its served region's agents' epoch
 * uptimes when agents on at least {@code quorum} distinct networks took part, otherwise the central monitor's
 * uptime as before. Pure arithmetic, exact in integers; every rounding is down, so no endpoint ever earns more than
 * the agents' proven UPs support.
 *
 * <p>An agent takes part when it is ACTIVE at settlement, was not impaired in the epoch, gave at least one verdict
 * (UP or DOWN) for the endpoint, and left at most {@link #MAX_UNANSWERED_BP} of the leases it took for it unanswered. Its uptime is floor(up × 1,000,000 ÷ (up + down)) parts per million; the
 * median of an odd number of them is the middle one, of an even number the mean of the two middle ones, rounded
 * down.
 *
 * @param kind       {@link Kind#CENTRAL} or {@link Kind#REGIONAL_MEDIAN}
 * @param region     the served region as agents name it (trimmed, upper case)
 * @param agents     agents that took part (counted also when they were too few for a quorum)
 * @param networks   distinct networks among them
 * @param uptimePpm  the median in parts per million; -1 on the central basis
 */
public record RegionalBasis(Kind kind, String region, int agents, int networks, long uptimePpm) {

    /** The scale of {@link #uptimePpm}: a whole uptime. */
    public static final long PPM = 1_000_000;

    /** The basis a settlement line used. */
    public enum Kind { CENTRAL, REGIONAL_MEDIAN }

    /**
     * Most leases of one endpoint an agent may leave unanswered in an epoch, in basis points of the leases it took:
     * an agent that reports only the checks that went well (letting the others run out) would otherwise show an
     * uptime the endpoint never had. Above it the agent takes no part.
     */
    public static final long MAX_UNANSWERED_BP = 1000;

    /** Why an agent's epoch uptime did not take part; null when it did. */
    public enum Exclusion { NOT_ACTIVE, IMPAIRED, NO_VERDICT, UNANSWERED }

    /**
     * One agent's accepted verdicts for one endpoint over the epoch. {@code up} counts only UPs the canary proved
     * (a refused UP is not an UP).
     */
    public record AgentEpoch(long agentId, String network, boolean active, boolean impaired, long up, long down, long unanswered) {

        public AgentEpoch {
            Objects.requireNonNull(network, "network");
            if (up < 0 || down < 0 || unanswered < 0) {
                throw new IllegalArgumentException("negative check count of agent " + agentId);
            }
        }

        /** An agent that answered every lease it took. */
        public AgentEpoch(long agentId, String network, boolean active, boolean impaired, long up, long down) {
            this(agentId, network, active, impaired, up, down, 0);
        }

        /** Why it does not take part, or null when it does. */
        public Exclusion exclusion() {
            if (!active) {
                return Exclusion.NOT_ACTIVE;
            }
            if (impaired) {
                return Exclusion.IMPAIRED;
            }
            if (up + down == 0) {
                return Exclusion.NO_VERDICT;
            }
            return unanswered * 10_000 > MAX_UNANSWERED_BP * (up + down + unanswered) ? Exclusion.UNANSWERED : null;
        }

        /** floor(up × 1,000,000 ÷ (up + down)); only for an agent with a verdict. */
        public long uptimePpm() {
            return BigInteger.valueOf(up).multiply(BigInteger.valueOf(PPM)).divide(BigInteger.valueOf(up + down)).longValueExact();
        }
    }

    public RegionalBasis {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.REGIONAL_MEDIAN) != (uptimePpm >= 0) || uptimePpm > PPM) {
            throw new IllegalArgumentException("uptime " + uptimePpm + " does not fit basis " + kind);
        }
    }

    /** A region as agents and settlement compare it: trimmed, upper case (an agent in RU serves endpoints of "ru"). */
    public static String normalize(String region) {
        return region == null ? "" : region.trim().toUpperCase(Locale.ROOT);
    }

    /**
     * The basis of one endpoint serving {@code region}, from its region's agents' epoch verdicts.
     *
     * @param quorum distinct networks needed (at least 1)
     */
    public static RegionalBasis decide(String region, List<AgentEpoch> agents, int quorum) {
        if (quorum < 1) {
            throw new IllegalArgumentException("quorum must be at least 1, got " + quorum);
        }
        List<Long> uptimes = new ArrayList<>();
        Set<String> networks = new HashSet<>();
        for (AgentEpoch a : agents) {
            if (a.exclusion() == null) {
                uptimes.add(a.uptimePpm());
                networks.add(a.network().trim().toLowerCase(Locale.ROOT));
            }
        }
        String r = normalize(region);
        if (networks.size() < quorum) {
            return new RegionalBasis(Kind.CENTRAL, r, uptimes.size(), networks.size(), -1);
        }
        return new RegionalBasis(Kind.REGIONAL_MEDIAN, r, uptimes.size(), networks.size(), median(uptimes));
    }

    /** The median of non-negative values: the middle one, or the mean of the two middle ones rounded down. */
    static long median(List<Long> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        long a = sorted.get((n - 1) / 2);
        long b = sorted.get(n / 2);
        return a + (b - a) / 2;
    }

    /** Whether the line is paid on the regional median. */
    public boolean regional() {
        return kind == Kind.REGIONAL_MEDIAN;
    }
}
