package org.proxyfund.probe.relay;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** proxyfund.probe.user-targets as operators of the service write it. */
@PlainLane
class UserTargetParseTest {

    @Test
    void shouldReadHostPortAndDataCentreOfEachTargetAndNoneAsNoTargets() {
        List<UserTarget> targets = UserTarget.parseAll(List.of("149.154.167.51:443/2", " [2001:db8::1]:443/4 "));
        assertEquals(new UserTarget("149.154.167.51", 443, (short) 2), targets.get(0));
        assertEquals(new UserTarget("2001:db8::1", 443, (short) 4), targets.get(1));
        assertEquals("[2001:db8::1]:443", targets.get(1).address());
        assertTrue(UserTarget.parseAll(List.of("none")).isEmpty());
    }

    @Test
    void shouldRefuseATargetWithoutItsDataCentre() {
        assertThrows(IllegalArgumentException.class, () -> UserTarget.parse("149.154.167.51:443"));
        assertThrows(IllegalArgumentException.class, () -> UserTarget.parse("149.154.167.51/2"));
    }
}
