package org.proxyfund.vantage;

import org.junit.jupiter.api.Test;
import org.proxyfund.common.testing.PlainLane;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A region's verdict from its agents' latest results: networks, not agents, count, and a DOWN needs a quorum of them. */
@PlainLane
class RegionStatusTest {

    private static final Instant SINCE = Instant.parse("2026-12-07T12:04:00Z");

    private static RegionStatus.AgentView up(String network) {
        return new RegionStatus.AgentView(network, true, null);
    }

    private static RegionStatus.AgentView down(String network, Interference kind) {
        return new RegionStatus.AgentView(network, false, kind);
    }

    @Test
    void shouldCallItBlockedWhenAQuorumOfNetworksSeesItDownWhileItIsUpFromOutside() {
        RegionStatus s = RegionStatus.decide("RU", List.of(down("A", Interference.DROP), down("B", Interference.DROP),
                down("C", Interference.RESET)), 2, true, SINCE);
        assertEquals(RegionVerdict.BLOCKED, s.verdict());
        assertEquals(3, s.networksDown());
        assertEquals(3, s.networksSeen());
        assertEquals(Interference.DROP, s.interference(), "the most frequent kind");
        assertEquals("2026-12-07 12:04 UTC", s.downSinceText());
    }

    @Test
    void shouldCallItDownWhenItIsDownFromOutsideToo() {
        assertEquals(RegionVerdict.DOWN, RegionStatus.decide("RU", List.of(down("A", Interference.RESET), down("B", Interference.RESET)),
                2, false, SINCE).verdict());
    }

    @Test
    void shouldNotDecideDownOnFewerNetworksThanTheQuorumEvenWithManyAgentsOnOne() {
        RegionStatus s = RegionStatus.decide("RU", List.of(down("A", Interference.DROP), down("A", Interference.DROP),
                down("A", Interference.DROP)), 2, true, SINCE);
        assertEquals(RegionVerdict.UNKNOWN, s.verdict(), "three agents on one network are one network");
        assertEquals(1, s.networksSeen());
    }

    @Test
    void shouldCallItPartialWhenSomeNetworksReachItAndOthersDoNot() {
        RegionStatus s = RegionStatus.decide("IR", List.of(up("A"), down("B", Interference.CUT)), 2, true, SINCE);
        assertEquals(RegionVerdict.PARTIAL, s.verdict());
        assertEquals(1, s.networksUp());
        assertEquals(Interference.CUT, s.interference());
    }

    @Test
    void shouldCountANetworkUpWhenAnyOfItsAgentsReachesIt() {
        RegionStatus s = RegionStatus.decide("RU", List.of(down("A", Interference.DROP), up("A"), up("B")), 2, true, SINCE);
        assertEquals(RegionVerdict.UP, s.verdict(), "one agent's failure on a network another agent of it reaches is that agent's");
        assertNull(s.interference());
        assertNull(s.downSince());
    }

    @Test
    void shouldBeUnknownWithoutAnyFreshResult() {
        assertEquals(RegionVerdict.UNKNOWN, RegionStatus.decide("RU", List.of(), 2, true, null).verdict());
    }

    @Test
    void shouldReadTheKindOfInterferenceFromTheReasonAndTheDetailCode() {
        assertEquals(Interference.DROP, Interference.of("TIMEOUT", "tcp_timeout"));
        assertEquals(Interference.CUT, Interference.of("TIMEOUT", "timeout_handshake"));
        assertEquals(Interference.RESET, Interference.of("CONNECT_REFUSED", "tcp_failed"));
        assertEquals(Interference.CUT, Interference.of("RELAY_FAILED", "canary_answer_missing"));
        assertEquals(Interference.OTHER, Interference.of("AUTH_REJECTED", null));
    }
}
