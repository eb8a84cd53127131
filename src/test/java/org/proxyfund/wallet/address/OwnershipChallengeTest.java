package org.proxyfund.wallet.address;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The challenge text: documented format, one line whatever the handle, fresh nonce each time. */
@PlainLane
class OwnershipChallengeTest {

    @Test
    void shouldWriteTheDocumentedSingleLineFormat() {
        OwnershipChallenge c = new OwnershipChallenge("proxyfund", "alice", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
                "00112233445566778899aabbccddeeff", Instant.parse("2026-11-22T03:50:12.345Z"));
        assertEquals("proxyfund payout address proof: handle=alice address=bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"
                + " nonce=00112233445566778899aabbccddeeff issued=2026-11-22T03:50:12Z", c.text());
    }

    @Test
    void shouldEscapeHandlesThatCouldBreakTheLineOrForgeAField() {
        OwnershipChallenge c = OwnershipChallenge.issue("proxyfund", "eve\naddress=1Evil bob ж\\", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", Instant.now());
        String text = c.text();
        assertEquals(1, text.lines().count());
        assertTrue(text.contains("handle=eve\\u000aaddress\\u003d1Evil\\u0020bob\\u0020\\u0436\\u005c address="), text);
        assertEquals(1, text.split(" address=").length - 1);
    }

    @Test
    void shouldUseAFreshNonceForEveryChallenge() {
        Instant now = Instant.now();
        OwnershipChallenge a = OwnershipChallenge.issue("proxyfund", "alice", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", now);
        OwnershipChallenge b = OwnershipChallenge.issue("proxyfund", "alice", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", now);
        assertNotEquals(a.nonce(), b.nonce());
        assertTrue(a.nonce().matches("[0-9a-f]{32}"));
    }

    @Test
    void shouldRefuseAddressesThatAreNotPlainAlphanumeric() {
        assertThrows(IllegalArgumentException.class,
                () -> OwnershipChallenge.issue("proxyfund", "alice", "bc1q x", Instant.now()));
    }
}
