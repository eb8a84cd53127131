package org.proxyfund.settlement;

import org.junit.jupiter.api.Test;
import org.proxyfund.common.testing.PlainLane;
import org.proxyfund.settlement.RegionalBasis.AgentEpoch;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The regional basis on random regions (fixed seeds): the median of the agents that take part, exact and rounded
 * down; agents that are revoked, impaired or without a verdict change nothing, however extreme their figures; a
 * region pays on its agents only with agents on a quorum of distinct networks, otherwise on the central monitor.
 */
@PlainLane
class RegionalBasisPropertyTest {

    private static final int CASES = 20_000;

    private static AgentEpoch agent(long id, String network, long up, long down) {
        return new AgentEpoch(id, network, true, false, up, down);
    }

    private static List<AgentEpoch> randomAgents(Random rnd, int n) {
        List<AgentEpoch> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long total = 1 + rnd.nextInt(rnd.nextBoolean() ? 3 : 20_000);
            long up = rnd.nextInt(4) == 0 ? total : (long) (rnd.nextDouble() * (total + 1));
            out.add(agent(i, "net" + rnd.nextInt(4), Math.min(up, total), total - Math.min(up, total)));
        }
        return out;
    }

    @Test
    void shouldPayOnTheMiddleAgentOfAnOddCountAndTheMeanOfTheTwoMiddleOnesOfAnEvenCount() {
        RegionalBasis odd = RegionalBasis.decide("ru", List.of(agent(1, "a", 99, 1), agent(2, "b", 50, 50), agent(3, "c", 10, 0)), 2);
        assertEquals(RegionalBasis.Kind.REGIONAL_MEDIAN, odd.kind());
        assertEquals("RU", odd.region(), "regions compare trimmed, upper case");
        assertEquals(990_000, odd.uptimePpm());
        assertEquals(3, odd.agents());
        assertEquals(3, odd.networks());
        RegionalBasis even = RegionalBasis.decide("RU", List.of(agent(1, "a", 1, 0), agent(2, "b", 0, 1)), 2);
        assertEquals(500_000, even.uptimePpm());
        RegionalBasis roundsDown = RegionalBasis.decide("RU", List.of(agent(1, "a", 1, 2), agent(2, "b", 2, 1)), 2);
        assertEquals((333_333 + 666_666) / 2, roundsDown.uptimePpm(), "each uptime and the mean are rounded down");
        RegionalBasis ties = RegionalBasis.decide("RU", List.of(agent(1, "a", 7, 3), agent(2, "b", 70, 30), agent(3, "a", 700, 300)), 2);
        assertEquals(700_000, ties.uptimePpm(), "equal uptimes from different volumes are one value");
    }

    @Test
    void shouldMatchAnExactMedianOnRandomRegions() {
        Random rnd = new Random(16_1);
        for (int c = 0; c < CASES; c++) {
            List<AgentEpoch> agents = randomAgents(rnd, 1 + rnd.nextInt(9));
            RegionalBasis b = RegionalBasis.decide("RU", agents, 1);
            List<BigInteger> exact = new ArrayList<>();
            for (AgentEpoch a : agents) {
                exact.add(BigInteger.valueOf(a.up()).multiply(BigInteger.valueOf(RegionalBasis.PPM)).divide(BigInteger.valueOf(a.up() + a.down())));
            }
            Collections.sort(exact);
            int n = exact.size();
            BigInteger expected = exact.get((n - 1) / 2).add(exact.get(n / 2)).shiftRight(1);
            assertEquals(expected.longValueExact(), b.uptimePpm(), agents::toString);
            long atMost = exact.stream().filter(v -> v.longValueExact() <= b.uptimePpm()).count();
            long atLeast = exact.stream().filter(v -> v.longValueExact() >= b.uptimePpm()).count();
            assertTrue(2 * atMost >= n && 2 * atLeast >= n, "half the agents on each side of the median");
            for (AgentEpoch a : agents) {
                assertTrue(a.uptimePpm() * (a.up() + a.down()) <= a.up() * RegionalBasis.PPM, "an agent's uptime never rounds up");
            }
        }
    }

    @Test
    void shouldIgnoreRevokedImpairedAndSilentAgentsWhateverTheyReport() {
        Random rnd = new Random(16_2);
        for (int c = 0; c < CASES; c++) {
            List<AgentEpoch> honest = randomAgents(rnd, 1 + rnd.nextInt(7));
            RegionalBasis before = RegionalBasis.decide("RU", honest, 1);
            List<AgentEpoch> with = new ArrayList<>(honest);
            long up = rnd.nextBoolean() ? 10_000 : 0;
            with.add(new AgentEpoch(100, "other", false, false, up, 10_000 - up));
            with.add(new AgentEpoch(101, "other2", true, true, up, 10_000 - up));
            with.add(new AgentEpoch(102, "other3", true, false, 0, 0));
            Collections.shuffle(with, rnd);
            RegionalBasis after = RegionalBasis.decide("RU", with, 1);
            assertEquals(before, after, with::toString);
        }
        assertEquals(RegionalBasis.Exclusion.NOT_ACTIVE, new AgentEpoch(1, "a", false, true, 1, 0).exclusion());
        assertEquals(RegionalBasis.Exclusion.IMPAIRED, new AgentEpoch(1, "a", true, true, 1, 0).exclusion());
        assertEquals(RegionalBasis.Exclusion.NO_VERDICT, new AgentEpoch(1, "a", true, false, 0, 0).exclusion());
    }

    @Test
    void shouldLeaveOutAnAgentThatLetMoreThanOneLeaseInTenRunOut() {
        // An agent that reports only the checks that went well: 50 UPs, its 50 DOWNs left to run out.
        AgentEpoch withholding = new AgentEpoch(2, "b", true, false, 50, 0, 50);
        assertEquals(RegionalBasis.Exclusion.UNANSWERED, withholding.exclusion());
        RegionalBasis b = RegionalBasis.decide("RU", List.of(agent(1, "a", 50, 50), withholding, agent(3, "c", 40, 60)), 2);
        assertEquals(450_000, b.uptimePpm(), "the honest agents' median, not lifted by the withholder's 100 %");
        assertEquals(2, b.agents());
        assertEquals(null, new AgentEpoch(4, "d", true, false, 90, 0, 10).exclusion(), "exactly one in ten is allowed");
        assertEquals(RegionalBasis.Exclusion.UNANSWERED, new AgentEpoch(4, "d", true, false, 89, 0, 11).exclusion());
        Random rnd = new Random(16_5);
        for (int c = 0; c < CASES; c++) {
            long up = rnd.nextInt(1000);
            long down = rnd.nextInt(1000);
            long unanswered = rnd.nextInt(300);
            AgentEpoch a = new AgentEpoch(1, "a", true, false, up, down, unanswered);
            boolean out = up + down > 0 && unanswered * 10 > up + down + unanswered;
            assertEquals(out, a.exclusion() == RegionalBasis.Exclusion.UNANSWERED, a::toString);
        }
    }

    @Test
    void shouldFallBackToTheCentralMonitorWithoutAgentsOnAQuorumOfDistinctNetworks() {
        RegionalBasis none = RegionalBasis.decide("RU", List.of(), 2);
        assertEquals(RegionalBasis.Kind.CENTRAL, none.kind());
        assertEquals(-1, none.uptimePpm());
        RegionalBasis oneNetwork = RegionalBasis.decide("RU", List.of(agent(1, "Rostelecom", 0, 5), agent(2, " rostelecom ", 0, 5),
                agent(3, "ROSTELECOM", 0, 5)), 2);
        assertEquals(RegionalBasis.Kind.CENTRAL, oneNetwork.kind(), "three agents on one network are one network");
        assertEquals(3, oneNetwork.agents());
        assertEquals(1, oneNetwork.networks());
        RegionalBasis countedOnlyWhenTakingPart = RegionalBasis.decide("RU", List.of(agent(1, "a", 0, 5),
                new AgentEpoch(2, "b", true, true, 0, 5), new AgentEpoch(3, "c", false, false, 0, 5)), 2);
        assertEquals(RegionalBasis.Kind.CENTRAL, countedOnlyWhenTakingPart.kind(), "impaired and revoked agents make no quorum");
        Random rnd = new Random(16_3);
        for (int c = 0; c < CASES; c++) {
            List<AgentEpoch> agents = randomAgents(rnd, rnd.nextInt(8));
            int quorum = 1 + rnd.nextInt(4);
            long networks = agents.stream().map(AgentEpoch::network).distinct().count();
            RegionalBasis b = RegionalBasis.decide("RU", agents, quorum);
            assertEquals(networks >= quorum, b.regional(), agents + " quorum " + quorum);
            assertEquals(networks, b.networks());
        }
        assertThrows(IllegalArgumentException.class, () -> RegionalBasis.decide("RU", List.of(), 0));
    }

    @Test
    void shouldNeverLowerTheMedianWhenAnAgentSeesMoreUpsNorRaiseItAboveTheBestAgent() {
        Random rnd = new Random(16_4);
        for (int c = 0; c < CASES; c++) {
            List<AgentEpoch> agents = randomAgents(rnd, 1 + rnd.nextInt(7));
            RegionalBasis before = RegionalBasis.decide("RU", agents, 1);
            long best = agents.stream().mapToLong(AgentEpoch::uptimePpm).max().orElseThrow();
            long worst = agents.stream().mapToLong(AgentEpoch::uptimePpm).min().orElseThrow();
            assertTrue(before.uptimePpm() <= best && before.uptimePpm() >= worst, "the median lies among the agents' uptimes");
            int i = rnd.nextInt(agents.size());
            AgentEpoch a = agents.get(i);
            if (a.down() == 0) {
                continue;
            }
            List<AgentEpoch> better = new ArrayList<>(agents);
            better.set(i, agent(a.agentId(), a.network(), a.up() + 1, a.down() - 1));
            assertTrue(RegionalBasis.decide("RU", better, 1).uptimePpm() >= before.uptimePpm(), "a DOWN turned UP never lowers it");
        }
    }
}
