package org.proxyfund.audit;

import org.junit.jupiter.api.Test;
import org.proxyfund.common.testing.PlainLane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proxyfund.audit.MismatchVerdict.Outcome.DEFERRED;
import static org.proxyfund.audit.MismatchVerdict.Outcome.OK;
import static org.proxyfund.audit.MismatchVerdict.Outcome.REPORTED;
import static org.proxyfund.audit.MismatchVerdict.Outcome.SUSPECTED;

/** When the ledger check reports: at once for a broken sum, on the second reading for books and wallet apart. */
@PlainLane
class MismatchVerdictTest {

    @Test
    void shouldReportAGenuineDifferenceOnTheSecondComparableReadingAndKeepReportingUntilItIsGone() {
        MismatchVerdict v = new MismatchVerdict();
        assertEquals(SUSPECTED, v.take(true, true, false));
        assertFalse(v.reported());
        assertEquals(REPORTED, v.take(true, true, false));
        assertTrue(v.reported(), "a difference that persists is a mismatch");
        assertEquals(DEFERRED, v.take(true, false, true), "a reading at a moving chain clears nothing");
        assertTrue(v.reported());
        assertEquals(REPORTED, v.take(true, true, false));
        assertEquals(OK, v.take(true, true, true));
        assertFalse(v.reported());
    }

    @Test
    void shouldNotReportTheBooksOnePassBehindAReorg() {
        MismatchVerdict v = new MismatchVerdict();
        assertEquals(OK, v.take(true, true, true));
        assertEquals(DEFERRED, v.take(true, false, false), "the wallet reconnecting after the reorg: not compared");
        assertEquals(SUSPECTED, v.take(true, true, false), "synced; the worker has not yet taken the batch back");
        assertEquals(OK, v.take(true, true, true), "taken back: books and wallet agree again");
        assertEquals(SUSPECTED, v.take(true, true, false), "a new difference starts over");
        assertFalse(v.reported());
    }

    @Test
    void shouldReportALedgerThatDoesNotSumToZeroAtOnceWhateverTheWallet() {
        MismatchVerdict v = new MismatchVerdict();
        assertEquals(REPORTED, v.take(false, false, true));
        assertTrue(v.reported());
        assertEquals(DEFERRED, v.take(true, false, true));
        assertTrue(v.reported(), "still standing until a comparable reading agrees");
        assertEquals(OK, v.take(true, true, true));
        assertFalse(v.reported());
    }

    @Test
    void shouldNeverReportOrClearOnReadingsThatCompareNothing() {
        MismatchVerdict v = new MismatchVerdict();
        for (int i = 0; i < 5; i++) {
            assertEquals(DEFERRED, v.take(true, false, false));
        }
        assertFalse(v.reported());
        assertEquals(SUSPECTED, v.take(true, true, false), "deferred readings do not count as the first sighting");
    }
}
