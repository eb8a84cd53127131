package org.proxyfund.settlement;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns an epoch's uptime into satoshis per operator. Pure and deterministic: the result does not depend on the
 * order of the inputs.
 *
 * <p>Weight of a counted endpoint = up/(up+down) × protocol weight × region weight, kept exact: every ratio is put on
 * the common denominator D = lcm of all counted (up+down), so an operator's weight is the integer
 * Σ up·pw·rw·D/(up+down) (BigInteger). The pool is budget + previous remainder.
 *
 * <p>Cap (water-filling): an operator whose pro-rata share would reach the cap gets exactly the cap, and the excess
 * is shared pro rata among the others, repeatedly; operators are tested in order of weight, largest first, which
 * finds the same fixed point as repeating the whole split. Only when every paid operator is capped is the excess
 * carried. Redistribution was chosen over carrying so that the epoch's budget reaches operators now instead of
 * piling up while a few large operators sit at the cap.
 *
 * <p>Rounding: each uncapped amount is floor(pool left × weight / weight of the uncapped), whole satoshis rounded
 * down; the dust (fewer satoshis than uncapped operators) is the new remainder, carried to the next epoch. So
 * sum(amounts) + remainder == budget + previous remainder exactly.
 */
public final class ShareCalculator {

    private final ShareParameters rules;

    /** A calculator applying {@code rules}. */
    public ShareCalculator(ShareParameters rules) {
        this.rules = rules;
    }

    /**
     * Computes the shares. Every operator owning an endpoint must appear in {@code operators}; operators without
     * endpoints get 0. Endpoint and operator ids must be unique.
     */
    public ShareResult calculate(long budgetSats, long previousRemainderSats, List<OperatorEligibility> operators,
            List<EpochUptime> endpoints) {
        if (budgetSats < 0 || previousRemainderSats < 0) {
            throw new IllegalArgumentException("budget and remainder must not be negative, got " + budgetSats
                    + " and " + previousRemainderSats);
        }
        long pool = Math.addExact(budgetSats, previousRemainderSats);
        Map<Long, OperatorEligibility> byId = new HashMap<>();
        for (OperatorEligibility op : operators) {
            if (byId.put(op.operatorId(), op) != null) {
                throw new IllegalArgumentException("operator " + op.operatorId() + " is listed twice");
            }
        }
        Map<Long, List<EndpointOutcome>> outcomes = new HashMap<>();
        List<EpochUptime> counted = classify(endpoints, byId, outcomes);
        Map<Long, BigInteger> weights = weights(counted);
        Map<Long, Long> amounts = new HashMap<>();
        Set<Long> capped = new HashSet<>();
        long left = waterFill(pool, weights, amounts, capped);
        List<OperatorShare> shares = new ArrayList<>(byId.size());
        for (OperatorEligibility op : new TreeMap<>(byId).values()) {
            List<EndpointOutcome> list = outcomes.getOrDefault(op.operatorId(), new ArrayList<>());
            list.sort(Comparator.comparingLong(EndpointOutcome::endpointId));
            shares.add(new OperatorShare(op.operatorId(), amounts.getOrDefault(op.operatorId(), 0L),
                    capped.contains(op.operatorId()), list));
        }
        return new ShareResult(budgetSats, previousRemainderSats, shares, left);
    }

    private List<EpochUptime> classify(List<EpochUptime> endpoints, Map<Long, OperatorEligibility> byId,
            Map<Long, List<EndpointOutcome>> outcomes) {
        List<EpochUptime> counted = new ArrayList<>(endpoints.size());
        Set<Long> seen = new HashSet<>(endpoints.size() * 2);
        for (EpochUptime e : endpoints) {
            if (!seen.add(e.endpointId())) {
                throw new IllegalArgumentException("endpoint " + e.endpointId() + " is listed twice");
            }
            OperatorEligibility op = byId.get(e.operatorId());
            if (op == null) {
                throw new IllegalArgumentException("endpoint " + e.endpointId() + " belongs to operator "
                        + e.operatorId() + ", who is missing from the operators' eligibility");
            }
            Exclusion why = exclusion(op, e);
            outcomes.computeIfAbsent(e.operatorId(), k -> new ArrayList<>())
                    .add(new EndpointOutcome(e.endpointId(), e.upChecks(), e.downChecks(), why));
            if (why == null) {
                counted.add(e);
            }
        }
        return counted;
    }

    private Exclusion exclusion(OperatorEligibility op, EpochUptime e) {
        Exclusion operatorReason = op.exclusion();
        if (operatorReason != null) {
            return operatorReason;
        }
        if (e.totalChecks() == 0) {
            return Exclusion.NO_DATA;
        }
        if (!rules.meetsThreshold(e.upChecks(), e.downChecks())) {
            return Exclusion.BELOW_THRESHOLD;
        }
        if (e.upChecks() == 0 || rules.weight(e.protocol(), e.region()) == 0) {
            return Exclusion.ZERO_WEIGHT;
        }
        return null;
    }

    /** Each operator's weight on the common denominator lcm(up+down) of the counted endpoints. */
    private Map<Long, BigInteger> weights(List<EpochUptime> counted) {
        BigInteger lcm = BigInteger.ONE;
        Map<Long, BigInteger> factor = new HashMap<>();
        for (EpochUptime e : counted) {
            factor.computeIfAbsent(e.totalChecks(), t -> BigInteger.ZERO);
        }
        for (long total : new TreeSet<>(factor.keySet())) {
            BigInteger t = BigInteger.valueOf(total);
            lcm = lcm.divide(lcm.gcd(t)).multiply(t);
        }
        for (Map.Entry<Long, BigInteger> f : factor.entrySet()) {
            f.setValue(lcm.divide(BigInteger.valueOf(f.getKey())));
        }
        Map<Long, BigInteger> weights = new HashMap<>();
        for (EpochUptime e : counted) {
            // up (< 2^31) × weight product (≤ 10^12 < 2^40) can exceed a long: multiply as BigInteger
            BigInteger small = BigInteger.valueOf(e.upChecks()).multiply(
                    BigInteger.valueOf(rules.weight(e.protocol(), e.region())));
            BigInteger w = factor.get(e.totalChecks()).multiply(small);
            weights.merge(e.operatorId(), w, BigInteger::add);
        }
        return weights;
    }

    /** Fills {@code amounts} and {@code capped}; returns what is left of the pool (the new remainder). */
    private long waterFill(long pool, Map<Long, BigInteger> weights, Map<Long, Long> amounts, Set<Long> capped) {
        List<Map.Entry<Long, BigInteger>> order = new ArrayList<>(weights.entrySet());
        order.sort(Map.Entry.<Long, BigInteger>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        BigInteger weightLeft = order.stream().map(Map.Entry::getValue).reduce(BigInteger.ZERO, BigInteger::add);
        long left = pool;
        int i = 0;
        long cap = rules.capSats();
        // largest first: an operator reaching the cap at the current rate is capped, which only raises the rate
        while (cap > 0 && i < order.size()) {
            BigInteger w = order.get(i).getValue();
            if (BigInteger.valueOf(left).multiply(w).compareTo(BigInteger.valueOf(cap).multiply(weightLeft)) < 0) {
                break;
            }
            amounts.put(order.get(i).getKey(), cap);
            capped.add(order.get(i).getKey());
            left -= cap;
            weightLeft = weightLeft.subtract(w);
            i++;
        }
        if (weightLeft.signum() == 0) {
            return left;
        }
        BigInteger rest = BigInteger.valueOf(left);
        long paid = 0;
        for (; i < order.size(); i++) {
            long amount = rest.multiply(order.get(i).getValue()).divide(weightLeft).longValueExact();
            amounts.put(order.get(i).getKey(), amount);
            paid += amount;
        }
        return left - paid;
    }
}
