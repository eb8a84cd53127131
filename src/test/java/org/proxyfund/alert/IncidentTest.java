package org.proxyfund.alert;

import org.junit.jupiter.api.Test;
import org.proxyfund.common.testing.PlainLane;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The debounce: one DOWN and one RECOVERED per confirmed outage, nothing for flapping, nothing inside maintenance. */
@PlainLane
class IncidentTest {

    private static final Incident.Rules RULES = new Incident.Rules(3, Duration.ofMinutes(2), 2);
    private static final Instant T0 = Instant.parse("2026-12-07T00:00:00Z");

    /** Feeds checks one minute apart ('U' up, 'D' down; lower case inside maintenance) and returns the alerts sent. */
    private static List<Incident.Alert> run(String checks, Incident.Rules rules) {
        Incident i = Incident.FRESH;
        List<Incident.Alert> sent = new ArrayList<>();
        for (int k = 0; k < checks.length(); k++) {
            char c = checks.charAt(k);
            Incident.Step s = i.on(Character.toUpperCase(c) == 'U', T0.plus(Duration.ofMinutes(k)), Character.isLowerCase(c), rules);
            if (s.alert() != Incident.Alert.NONE) sent.add(s.alert());
            i = s.next();
        }
        return sent;
    }

    private static List<Incident.Alert> run(String checks) {
        return run(checks, RULES);
    }

    @Test
    void shouldSendOneDownAndOneRecoveredForAnOutageSpanningManyChecks() {
        assertEquals(List.of(Incident.Alert.DOWN, Incident.Alert.RECOVERED), run("UUDDDDDDDDDUUUUU"));
    }

    @Test
    void shouldSendNothingForAFlappingEndpointInsideTheDebounce() {
        assertEquals(List.of(), run("UDDUDDUDUDDUDDUUDDU"));
    }

    @Test
    void shouldWaitForTheMinimumDurationAsWellAsTheCount() {
        // Three failures within one minute apart reach the count at minute 2: exactly the minimum duration.
        assertEquals(List.of(Incident.Alert.DOWN), run("DDD"));
        assertEquals(List.of(), run("DDD", new Incident.Rules(3, Duration.ofMinutes(3), 1)));
        assertEquals(List.of(Incident.Alert.DOWN), run("DDDD", new Incident.Rules(3, Duration.ofMinutes(3), 1)));
    }

    @Test
    void shouldNotRecoverOnASingleGoodCheckBetweenFailures() {
        assertEquals(List.of(Incident.Alert.DOWN, Incident.Alert.RECOVERED), run("DDDDUDUDUDDUU"));
    }

    @Test
    void shouldSendNothingInsideAMaintenanceWindowAndNoRecoveredAfterIt() {
        assertEquals(List.of(), run("UUddddddddduuuUUU"));
        // An outage that outlasts the window is counted from the window's end.
        assertEquals(List.of(Incident.Alert.DOWN, Incident.Alert.RECOVERED), run("UddddDDDUU"));
        assertEquals(List.of(), run("UddddDDUU"));
    }

    @Test
    void shouldHoldARecoveryInsideAWindowUntilItEnds() {
        assertEquals(List.of(Incident.Alert.DOWN), run("DDDDduuuu"));
        assertEquals(List.of(Incident.Alert.DOWN, Incident.Alert.RECOVERED), run("DDDDduuuuUU"));
    }

    @Test
    void shouldAlternateDownAndRecoveredForAnyCheckSequence() {
        Random random = new Random(17);
        for (int round = 0; round < 2000; round++) {
            StringBuilder checks = new StringBuilder();
            int n = 1 + random.nextInt(60);
            for (int k = 0; k < n; k++) {
                char c = random.nextInt(3) == 0 ? 'U' : 'D';
                checks.append(random.nextInt(8) == 0 ? Character.toLowerCase(c) : c);
            }
            List<Incident.Alert> sent = run(checks.toString());
            for (int k = 0; k < sent.size(); k++) {
                assertEquals(k % 2 == 0 ? Incident.Alert.DOWN : Incident.Alert.RECOVERED, sent.get(k), checks.toString());
            }
            long downs = sent.stream().filter(a -> a == Incident.Alert.DOWN).count();
            assertTrue(downs <= maxRunsOfThreeDowns(checks.toString()), checks + " " + sent);
        }
    }

    /** An upper bound of the DOWN alerts: runs of at least three failures outside maintenance. */
    private static long maxRunsOfThreeDowns(String checks) {
        long runs = 0;
        int streak = 0;
        for (char c : checks.toCharArray()) {
            streak = c == 'D' ? streak + 1 : 0;
            if (streak == 3) runs++;
        }
        return runs;
    }
}
