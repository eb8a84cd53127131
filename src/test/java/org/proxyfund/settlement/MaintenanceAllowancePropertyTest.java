package org.proxyfund.settlement;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.Test;
import org.proxyfund.common.testing.PlainLane;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The maintenance excuse on random endpoints (fixed seeds): DOWN checks inside declared windows leave the downtime
 * only up to the allowance; within it an outage changes nothing, beyond it every DOWN check counts again, and no
 * endpoint is ever excused more than the allowance or more than it was down.
 */
@PlainLane
class MaintenanceAllowancePropertyTest {

    private static final int CASES = 20_000;

    private static SettlementParameters withAllowance(long checks) {
        return new SettlementParameters(9000, 1000, Map.of(), Map.of(), 0, 500, checks, 2);
    }

    /** Uptime as an exact fraction up / (up + down), compared by cross-multiplication. */
    private static int compareUptime(long up1, long down1, long up2, long down2) {
        return BigInteger.valueOf(up1).multiply(BigInteger.valueOf(up2 + down2))
                .compareTo(BigInteger.valueOf(up2).multiply(BigInteger.valueOf(up1 + down1)));
    }

    @Test
    void shouldTurnTheDefaultFourHoursIntoTwoHundredFortyChecksOfAMinute() {
        assertEquals(240, SettlementParameters.allowanceChecks(Duration.ofHours(4), Duration.ofSeconds(60)));
        assertEquals(0, SettlementParameters.allowanceChecks(Duration.ZERO, Duration.ofSeconds(60)), "0 turns the excuse off");
        assertEquals(2, SettlementParameters.allowanceChecks(Duration.ofSeconds(179), Duration.ofSeconds(60)), "whole intervals only");
        assertThrows(IllegalArgumentException.class, () -> SettlementParameters.allowanceChecks(Duration.ofHours(-1), Duration.ofSeconds(60)));
        assertThrows(IllegalArgumentException.class, () -> withAllowance(-1));
    }

    @Test
    void shouldExcuseExactlyTheDownChecksInsideWindowsUpToTheAllowanceAndNeverMore() {
        Random random = new Random(17_1);
        for (int i = 0; i < CASES; i++) {
            long allowance = random.nextInt(4) == 0 ? 0 : random.nextInt(600);
            long down = random.nextInt(3) == 0 ? random.nextInt(20) : random.nextInt(11_000);
            long inWindows = down == 0 ? 0 : random.nextLong(down + 1);
            long excused = withAllowance(allowance).maintenanceExcluded(down, inWindows);
            String at = "allowance=" + allowance + " down=" + down + " inWindows=" + inWindows;
            assertTrue(excused >= 0 && excused <= allowance && excused <= inWindows && excused <= down, at);
            assertEquals(Math.min(inWindows, allowance), excused, at);
            long counted = down - excused;
            assertTrue(counted >= down - allowance, "beyond the allowance every DOWN check counts: " + at);
            assertTrue(counted >= down - inWindows, "DOWN outside every window always counts: " + at);
        }
    }

    @Test
    void shouldLeaveTheUptimeAsIfTheOutageHadNotHappenedWhenItFitsTheAllowance() {
        Random random = new Random(17_2);
        for (int i = 0; i < CASES; i++) {
            long allowance = 1 + random.nextInt(600);
            long up = random.nextInt(10_081);
            long downOutside = random.nextInt(500);
            long outage = random.nextLong(allowance + 1);   // an outage inside declared windows, within the allowance
            long excused = withAllowance(allowance).maintenanceExcluded(downOutside + outage, outage);
            String at = "allowance=" + allowance + " up=" + up + " outside=" + downOutside + " outage=" + outage;
            assertEquals(outage, excused, at);
            assertEquals(downOutside, downOutside + outage - excused, "the epoch's downtime is that without the outage: " + at);
        }
    }

    @Test
    void shouldCountEveryDownCheckBeyondTheAllowanceSoALongerOutageNeverPaysBetter() {
        Random random = new Random(17_3);
        for (int i = 0; i < CASES; i++) {
            long allowance = random.nextInt(600);
            SettlementParameters p = withAllowance(allowance);
            long up = 1 + random.nextInt(10_080);
            long outage = allowance + 1 + random.nextInt(5_000); // longer than the allowance, all inside windows
            long counted = outage - p.maintenanceExcluded(outage, outage);
            String at = "allowance=" + allowance + " up=" + up + " outage=" + outage;
            assertEquals(outage - allowance, counted, at);
            long longer = outage + 1 + random.nextInt(100);
            long countedLonger = longer - p.maintenanceExcluded(longer, longer);
            assertTrue(countedLonger > counted, "one more hour down inside windows beyond the allowance costs: " + at);
            assertTrue(compareUptime(up, countedLonger, up, counted) < 0, "and lowers the uptime: " + at);
            // Declaring more window time than the allowance gains nothing over declaring exactly the allowance.
            assertEquals(p.maintenanceExcluded(outage, allowance), p.maintenanceExcluded(outage, outage), at);
        }
    }

    @Test
    void shouldNeverRaiseTheUptimeOfAnEndpointWithoutWindows() {
        Random random = new Random(17_4);
        for (int i = 0; i < CASES; i++) {
            SettlementParameters p = withAllowance(random.nextInt(600));
            long down = random.nextInt(11_000);
            assertEquals(0, p.maintenanceExcluded(down, 0), "no window, no excuse");
        }
    }
}
