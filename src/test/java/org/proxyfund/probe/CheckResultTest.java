package org.proxyfund.probe;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A result says exactly one consistent thing: UP with a latency, DOWN with a reason, or UNKNOWN with neither. */
@PlainLane
class CheckResultTest {

    @Test
    void shouldCarryLatencyOnlyWhenUp() {
        CheckResult up = CheckResult.up(Duration.ofMillis(12));
        assertTrue(up.isUp());
        assertEquals(12, up.latency().toMillis());
        assertFalse(up.weakEvidence());
        assertThrows(IllegalArgumentException.class, () -> new CheckResult(CheckStatus.UP, null, null, false, "x"));
        assertThrows(IllegalArgumentException.class,
                () -> new CheckResult(CheckStatus.DOWN, DownReason.TIMEOUT, Duration.ZERO, false, "x"));
    }

    @Test
    void shouldCarryAReasonExactlyWhenDown() {
        assertEquals(DownReason.AUTH_REJECTED, CheckResult.down(DownReason.AUTH_REJECTED, "no").reason());
        assertThrows(IllegalArgumentException.class, () -> new CheckResult(CheckStatus.DOWN, null, null, false, "x"));
        assertThrows(IllegalArgumentException.class,
                () -> new CheckResult(CheckStatus.UNKNOWN, DownReason.TIMEOUT, null, false, "x"));
    }

    @Test
    void shouldMarkTcpOnlyEvidenceAsWeaker() {
        CheckResult weak = CheckResult.upWeak(Duration.ofMillis(3), "TCP connect only");
        assertTrue(weak.isUp());
        assertTrue(weak.weakEvidence());
        assertEquals(CheckStatus.UNKNOWN, CheckResult.unknown("canary down").status());
    }
}
