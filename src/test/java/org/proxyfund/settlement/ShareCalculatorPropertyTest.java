package org.proxyfund.settlement;

import org.proxyfund.common.testing.PlainLane;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

@PlainLane
class ShareCalculatorPropertyTest {

    private static final int SETTLEMENTS = 10_000;
    private static final String[] PROTOCOLS = {"socks5", "wireguard", "mtproto"};
    private static final String[] REGIONS = {"de", "ir", "ru", ""};

    /** One random settlement: rules, budget, previous remainder, operators, endpoints. */
    private record Case(ShareParameters rules, long budget, long previous, List<OperatorEligibility> ops,
            List<EpochUptime> eps) {

        ShareResult run() {
            return new ShareCalculator(rules).calculate(budget, previous, ops, eps);
        }
    }

    @Test
    void shouldKeepEverySatoshiNeverExceedTheCapAndPayIneligibleOperatorsNothing() {
        Random random = new Random(20261122L);
        int capped = 0;
        int carriedDust = 0;
        for (int n = 0; n < SETTLEMENTS; n++) {
            Case c = randomCase(random);
            ShareResult r = c.run();
            assertEquals(c.budget() + c.previous(), r.paidSats() + r.remainderSats(), "every satoshi accounted, case " + n);
            assertTrue(r.remainderSats() >= 0);
            assertEquals(c.ops().size(), r.shares().size());
            Set<Long> seen = new HashSet<>();
            int uncappedPaid = 0;
            for (OperatorShare s : r.shares()) {
                assertTrue(s.amountSats() >= 0);
                if (c.rules().capSats() > 0) {
                    assertTrue(s.amountSats() <= c.rules().capSats(), "above cap in case " + n);
                }
                OperatorEligibility op = c.ops().stream().filter(o -> o.operatorId() == s.operatorId()).findFirst().orElseThrow();
                boolean anyCounted = s.endpoints().stream().anyMatch(EndpointOutcome::counted);
                if (op.exclusion() != null) {
                    assertEquals(0, s.amountSats());
                    assertTrue(s.endpoints().stream().allMatch(e -> e.exclusion() == op.exclusion()));
                }
                if (!anyCounted) {
                    assertEquals(0, s.amountSats());
                } else if (!s.capped()) {
                    uncappedPaid++;
                }
                s.endpoints().forEach(e -> assertTrue(seen.add(e.endpointId())));
                capped += s.capped() ? 1 : 0;
            }
            assertEquals(c.eps().size(), seen.size(), "every endpoint has an outcome");
            if (uncappedPaid > 0) {
                assertTrue(r.remainderSats() < uncappedPaid, "only rounding dust is carried while someone is uncapped");
                carriedDust += r.remainderSats() > 0 ? 1 : 0;
            }
            assertEquals(naive(c), amounts(r), "exact water-filling fixed point, case " + n);
        }
        assertTrue(capped > 1_000, "the cap was exercised: " + capped);
        assertTrue(carriedDust > 1_000, "rounding dust was exercised: " + carriedDust);
    }

    @Test
    void shouldGiveTheSameResultWhateverTheInputOrder() {
        Random random = new Random(7L);
        for (int n = 0; n < SETTLEMENTS; n++) {
            Case c = randomCase(random);
            List<OperatorEligibility> ops = new ArrayList<>(c.ops());
            List<EpochUptime> eps = new ArrayList<>(c.eps());
            Collections.shuffle(ops, random);
            Collections.shuffle(eps, random);
            assertEquals(c.run(), new Case(c.rules(), c.budget(), c.previous(), ops, eps).run(), "case " + n);
        }
    }

    @Test
    void shouldNeverPayLessForMoreUptimeAllElseEqual() {
        Random random = new Random(42L);
        int raised = 0;
        for (int n = 0; n < SETTLEMENTS; n++) {
            Case c = randomCase(random);
            if (c.eps().isEmpty()) {
                continue;
            }
            int i = random.nextInt(c.eps().size());
            EpochUptime e = c.eps().get(i);
            boolean moreUp = random.nextBoolean() || e.downChecks() == 0;
            EpochUptime better = new EpochUptime(e.operatorId(), e.endpointId(), e.protocol(), e.region(),
                    moreUp ? e.upChecks() + 1 + random.nextInt(50) : e.upChecks(),
                    moreUp ? e.downChecks() : e.downChecks() - 1 - random.nextInt((int) e.downChecks()));
            List<EpochUptime> eps = new ArrayList<>(c.eps());
            eps.set(i, better);
            long before = c.run().of(e.operatorId()).amountSats();
            long after = new Case(c.rules(), c.budget(), c.previous(), c.ops(), eps).run().of(e.operatorId()).amountSats();
            assertTrue(after >= before, "case " + n + ": " + before + " → " + after);
            raised += after > before ? 1 : 0;
        }
        assertTrue(raised > 1_000, "more uptime often paid more: " + raised);
    }

    private static Case randomCase(Random random) {
        Map<String, Integer> pw = new HashMap<>();
        Map<String, Integer> rw = new HashMap<>();
        for (String p : PROTOCOLS) {
            if (random.nextBoolean()) {
                pw.put(p, random.nextInt(8) == 0 ? 0 : random.nextInt(3000));
            }
        }
        for (String region : REGIONS) {
            if (random.nextBoolean()) {
                rw.put(region, random.nextInt(3000) + 1);
            }
        }
        long budget = switch (random.nextInt(4)) {
            case 0 -> random.nextInt(1_000);
            case 1 -> random.nextInt(1_000_000);
            case 2 -> random.nextLong(2_100_000_000_000_000L);
            default -> 0;
        };
        long cap = random.nextBoolean() ? 0 : 1 + random.nextLong(Math.max(1, budget / 2 + 10));
        ShareParameters rules = new ShareParameters(random.nextInt(5) == 0 ? random.nextInt(10_001) : 9000,
                random.nextInt(1000) + 1, pw, rw, cap);
        List<OperatorEligibility> ops = new ArrayList<>();
        List<EpochUptime> eps = new ArrayList<>();
        int operators = 1 + random.nextInt(8);
        long endpointId = random.nextInt(1000);
        for (long op = 1; op <= operators; op++) {
            int flags = random.nextInt(10);
            ops.add(new OperatorEligibility(op * 7, flags != 0, flags != 1, flags == 2));
            for (int k = random.nextInt(5); k > 0; k--) {
                long down = random.nextInt(4) == 0 ? 0 : random.nextInt(40);
                long up = random.nextInt(6) == 0 ? 9 * down + random.nextInt(3) - 1 : random.nextInt(400);
                eps.add(new EpochUptime(op * 7, endpointId += 1 + random.nextInt(5),
                        PROTOCOLS[random.nextInt(PROTOCOLS.length)], REGIONS[random.nextInt(REGIONS.length)],
                        Math.max(0, up), down));
            }
        }
        return new Case(rules, budget, random.nextInt(4) == 0 ? random.nextInt(100) : 0, ops, eps);
    }

    private static Map<Long, Long> amounts(ShareResult r) {
        Map<Long, Long> m = new HashMap<>();
        r.shares().forEach(s -> m.put(s.operatorId(), s.amountSats()));
        return m;
    }

    /** A second, naive computation: weights as reduced fractions, cap everyone over the cap until none is. */
    private static Map<Long, Long> naive(Case c) {
        Map<Long, BigInteger[]> w = new HashMap<>();
        for (EpochUptime e : c.eps()) {
            OperatorEligibility op = c.ops().stream().filter(o -> o.operatorId() == e.operatorId()).findFirst().orElseThrow();
            long weight = c.rules().weight(e.protocol(), e.region());
            if (op.exclusion() != null || e.totalChecks() == 0 || weight == 0
                    || e.upChecks() * 10_000 < (long) c.rules().thresholdBp() * e.totalChecks()) {
                continue;
            }
            BigInteger[] f = {BigInteger.valueOf(e.upChecks() * weight), BigInteger.valueOf(e.totalChecks())};
            w.merge(e.operatorId(), f, (a, b) -> new BigInteger[] {
                    a[0].multiply(b[1]).add(b[0].multiply(a[1])), a[1].multiply(b[1])});
        }
        w.values().removeIf(f -> f[0].signum() == 0);
        Map<Long, Long> out = new HashMap<>();
        c.ops().forEach(o -> out.put(o.operatorId(), 0L));
        BigInteger pool = BigInteger.valueOf(c.budget() + c.previous());
        BigInteger cap = BigInteger.valueOf(c.rules().capSats());
        Set<Long> open = new HashSet<>(w.keySet());
        boolean changed = true;
        while (changed && !open.isEmpty()) {
            changed = false;
            BigInteger[] total = {BigInteger.ZERO, BigInteger.ONE};
            for (long id : open) {
                BigInteger[] f = w.get(id);
                total = new BigInteger[] {total[0].multiply(f[1]).add(f[0].multiply(total[1])), total[1].multiply(f[1])};
            }
            for (long id : new ArrayList<>(open)) { // share = pool × (f0/f1) / (t0/t1)
                BigInteger[] f = w.get(id);
                BigInteger num = pool.multiply(f[0]).multiply(total[1]);
                BigInteger den = f[1].multiply(total[0]);
                if (cap.signum() > 0 && num.compareTo(cap.multiply(den)) >= 0) {
                    out.put(id, cap.longValueExact());
                    open.remove(id);
                    changed = true;
                } else {
                    out.put(id, num.divide(den).longValueExact());
                }
            }
            if (changed) {
                pool = BigInteger.valueOf(c.budget() + c.previous())
                        .subtract(cap.multiply(BigInteger.valueOf(w.size() - open.size())));
            }
        }
        return out;
    }
}
