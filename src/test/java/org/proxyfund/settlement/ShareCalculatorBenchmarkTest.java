package org.proxyfund.settlement;

import org.proxyfund.common.testing.PlainLane;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Times one settlement of 100,000 endpoints (a week of checks each); prints the figure, asserts only correctness. */
@PlainLane
class ShareCalculatorBenchmarkTest {

    static final int ENDPOINTS = 100_000;
    static final int OPERATORS = 25_000;

    /** 100,000 endpoints of 25,000 operators; up+down spread over 5,000..10,080 (a week of 60 s checks with gaps). */
    static List<EpochUptime> endpoints(Random random) {
        String[] protocols = {"socks5", "wireguard", "mtproto", "openvpn", "shadowsocks"};
        String[] regions = {"ru", "ir", "cn", "by", "tm", "de"};
        List<EpochUptime> list = new ArrayList<>(ENDPOINTS);
        for (int i = 0; i < ENDPOINTS; i++) {
            long total = 5_000 + random.nextInt(5_081);
            long down = random.nextInt(4) == 0 ? random.nextLong(total + 1) : random.nextLong(total / 12 + 1);
            list.add(new EpochUptime(1 + random.nextInt(OPERATORS), i + 1L, protocols[random.nextInt(protocols.length)],
                    regions[random.nextInt(regions.length)], total - down, down));
        }
        return list;
    }

    @Test
    void shouldSettleOneHundredThousandEndpointsAndPrintTheTime() {
        Random random = new Random(100_000L);
        List<EpochUptime> endpoints = endpoints(random);
        List<OperatorEligibility> operators = new ArrayList<>(OPERATORS);
        for (long op = 1; op <= OPERATORS; op++) {
            operators.add(new OperatorEligibility(op, op % 50 != 0, true, op % 97 == 0));
        }
        ShareCalculator calculator = new ShareCalculator(new ShareParameters(9000, 1000,
                Map.of("wireguard", 1200, "mtproto", 1100), Map.of("ir", 2000, "cn", 2000, "ru", 1500), 400_000));
        long budget = 50_000_000;
        for (int run = 1; run <= 2; run++) { // the first run includes class loading and JIT warm-up
            long start = System.nanoTime();
            ShareResult result = calculator.calculate(budget, 12_345, operators, endpoints);
            long millis = (System.nanoTime() - start) / 1_000_000;
            long counted = result.shares().stream().flatMap(s -> s.endpoints().stream()).filter(EndpointOutcome::counted).count();
            System.out.printf("settlement benchmark run %d: %,d endpoints, %,d operators, %,d counted -> %,d ms"
                    + " (paid %,d sats, remainder %,d)%n", run, ENDPOINTS, OPERATORS, counted, millis,
                    result.paidSats(), result.remainderSats());
            assertEquals(budget + 12_345, result.paidSats() + result.remainderSats());
            assertTrue(counted > ENDPOINTS / 2 && counted < ENDPOINTS);
        }
    }
}
