package org.proxyfund.operator;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The payout address's transition table: a proof never survives a change of address, a replaced address never returns. */
@PlainLane
class PayoutAddressStateTest {

    @Test
    void shouldAllowExactlyTheTransitionsOfTheTable() {
        for (PayoutAddressState from : PayoutAddressState.values()) {
            for (PayoutAddressState to : PayoutAddressState.values()) {
                boolean expected = (from == PayoutAddressState.UNPROVEN && to != PayoutAddressState.UNPROVEN)
                        || (from == PayoutAddressState.PROVEN && to != PayoutAddressState.UNPROVEN);
                assertEquals(expected, from.canMoveTo(to), from + " -> " + to);
            }
        }
    }

    @Test
    void shouldStoreTheSameWordsTheDatabaseCheckAllows() {
        assertEquals("[UNPROVEN, PROVEN, REPLACED]", Arrays.toString(PayoutAddressState.values()));
    }
}
