package org.proxyfund.payout;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.Test;
import org.proxyfund.payout.BatchResult.Ok;
import org.proxyfund.payout.BatchResult.Refused;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proxyfund.payout.BatchFixtures.BUMP;
import static org.proxyfund.payout.BatchFixtures.ORIGINAL;
import static org.proxyfund.payout.BatchFixtures.STRANGER;
import static org.proxyfund.payout.BatchFixtures.must;
import static org.proxyfund.payout.BatchFixtures.tx;

/** Signing, broadcast, fee bumps, confirmation and failure of payout batches, and their safe repeats. */
@PlainLane
class BatchSendingTest {

    private final Map<BatchState, BatchSnapshot> batches = BatchFixtures.oneOfEachState();

    private static Refused refused(BatchSnapshot batch, BatchCommand command, BatchReason reason) {
        Refused refused = assertInstanceOf(Refused.class, BatchStateMachine.apply(batch, command));
        assertEquals(reason, refused.reason(), refused.message());
        return refused;
    }

    private static void assertRepeatIsHarmless(BatchSnapshot batch, BatchCommand command) {
        Ok ok = assertInstanceOf(Ok.class, BatchStateMachine.apply(batch, command), command::toString);
        assertTrue(ok.event().isEmpty(), () -> command + " repeated must not announce anything");
        assertEquals(batch, ok.batch());
    }

    @Test
    void shouldAcceptRepeatsOfEveryIdempotentCommandWithoutANewEvent() {
        assertRepeatIsHarmless(batches.get(BatchState.SIGNED), new BatchCommand.MarkSigned(ORIGINAL));
        assertRepeatIsHarmless(batches.get(BatchState.BROADCAST), new BatchCommand.MarkSigned(ORIGINAL));
        assertRepeatIsHarmless(batches.get(BatchState.BROADCAST), new BatchCommand.MarkBroadcast(ORIGINAL.txid()));
        assertRepeatIsHarmless(batches.get(BatchState.BROADCAST), new BatchCommand.MarkBroadcast(BUMP.txid()));
        assertRepeatIsHarmless(batches.get(BatchState.BROADCAST), new BatchCommand.RecordReplacement(BUMP));
        assertRepeatIsHarmless(batches.get(BatchState.CONFIRMED), new BatchCommand.MarkBroadcast(ORIGINAL.txid()));
        assertRepeatIsHarmless(batches.get(BatchState.CONFIRMED), new BatchCommand.MarkConfirmed(BUMP.txid(), 9, 6));
        assertRepeatIsHarmless(batches.get(BatchState.REJECTED), new BatchCommand.Reject(3, "again"));
        assertRepeatIsHarmless(batches.get(BatchState.FAILED), new BatchCommand.Fail("again"));
        assertRepeatIsHarmless(batches.get(BatchState.FAILED), new BatchCommand.FailConflicted("x", STRANGER, 6, 6));
    }

    @Test
    void shouldSendAConfirmedBatchWhoseTransactionLeftTheChainBackToBroadcastWithTheSameTransactionsOnly() {
        BatchSnapshot confirmed = batches.get(BatchState.CONFIRMED);
        refused(confirmed, new BatchCommand.MarkLeftChain(ORIGINAL.txid()), BatchReason.UNKNOWN_TXID);
        refused(confirmed, new BatchCommand.MarkLeftChain(STRANGER), BatchReason.UNKNOWN_TXID);
        BatchSnapshot back = must(confirmed, new BatchCommand.MarkLeftChain(BUMP.txid()));
        assertEquals(BatchState.BROADCAST, back.state());
        assertEquals(null, back.confirmedTxid());
        assertEquals(confirmed.knownTxids(), back.knownTxids(), "the same recorded transactions, nothing new");
        assertRepeatIsHarmless(back, new BatchCommand.MarkLeftChain(BUMP.txid()));
        // Still never a second signature, never a rejection or plain failure: the old transaction can confirm.
        refused(back, new BatchCommand.MarkSigned(tx('d', 1)), BatchReason.INVALID_STATE);
        refused(back, new BatchCommand.Reject(1, "paid already?"), BatchReason.INVALID_STATE);
        refused(back, new BatchCommand.Fail("gone"), BatchReason.MAY_ALREADY_BE_SENT);
        // Either transaction may confirm it again; a confirmed conflict may fail it.
        assertEquals(BatchState.CONFIRMED, must(back, new BatchCommand.MarkConfirmed(ORIGINAL.txid(), 6, 6)).state());
        assertEquals(BatchState.FAILED, must(back, new BatchCommand.FailConflicted("spent", STRANGER, 6, 6)).state());
        for (BatchState state : List.of(BatchState.PROPOSED, BatchState.APPROVED, BatchState.REJECTED, BatchState.FAILED)) {
            refused(batches.get(state), new BatchCommand.MarkLeftChain(ORIGINAL.txid()), BatchReason.INVALID_STATE);
        }
    }

    @Test
    void shouldNeverRecordASecondTransactionForTheSameLines() {
        for (BatchState state : List.of(BatchState.SIGNED, BatchState.BROADCAST, BatchState.CONFIRMED)) {
            Refused other = refused(batches.get(state), new BatchCommand.MarkSigned(tx('d', 1)), BatchReason.INVALID_STATE);
            assertTrue(other.message().contains("already signed as " + ORIGINAL.txid()), other.message());
            refused(batches.get(state), new BatchCommand.MarkSigned(tx('a', 7)), BatchReason.INVALID_STATE);
        }
        refused(batches.get(BatchState.PROPOSED), new BatchCommand.MarkSigned(ORIGINAL), BatchReason.INVALID_STATE);
    }

    @Test
    void shouldBroadcastOnlyRecordedTransactions() {
        BatchSnapshot signed = batches.get(BatchState.SIGNED);
        Refused unknown = refused(signed, new BatchCommand.MarkBroadcast(STRANGER), BatchReason.UNKNOWN_TXID);
        assertTrue(unknown.message().contains(STRANGER) && unknown.message().contains(ORIGINAL.txid()), unknown.message());
        refused(signed, new BatchCommand.MarkBroadcast(BUMP.txid()), BatchReason.UNKNOWN_TXID);
        refused(signed, new BatchCommand.RecordReplacement(BUMP), BatchReason.INVALID_STATE);
        Ok ok = assertInstanceOf(Ok.class, BatchStateMachine.apply(signed, new BatchCommand.MarkBroadcast(ORIGINAL.txid())));
        assertEquals(new BatchEvent.Broadcast(ORIGINAL.txid()), ok.event().orElseThrow());
        refused(batches.get(BatchState.BROADCAST), new BatchCommand.MarkBroadcast(STRANGER), BatchReason.UNKNOWN_TXID);
        refused(batches.get(BatchState.APPROVED), new BatchCommand.MarkBroadcast(ORIGINAL.txid()), BatchReason.INVALID_STATE);
    }

    @Test
    void shouldCompleteOnlyFromEnoughConfirmationsOfAKnownTxid() {
        BatchSnapshot broadcast = batches.get(BatchState.BROADCAST);
        Refused few = refused(broadcast, new BatchCommand.MarkConfirmed(ORIGINAL.txid(), 2, 6),
                BatchReason.NOT_ENOUGH_CONFIRMATIONS);
        assertTrue(few.message().contains("2 of the 6"), few.message());
        refused(broadcast, new BatchCommand.MarkConfirmed(STRANGER, 100, 6), BatchReason.UNKNOWN_TXID);
        Ok byBump = assertInstanceOf(Ok.class,
                BatchStateMachine.apply(broadcast, new BatchCommand.MarkConfirmed(BUMP.txid(), 6, 6)));
        assertEquals(BUMP.txid(), byBump.batch().confirmedTxid());
        refused(byBump.batch(), new BatchCommand.MarkConfirmed(ORIGINAL.txid(), 9, 6), BatchReason.INVALID_STATE);
        // a crash between broadcast and its state change: the chain proves the broadcast
        Ok fromSigned = assertInstanceOf(Ok.class, BatchStateMachine.apply(batches.get(BatchState.SIGNED),
                new BatchCommand.MarkConfirmed(ORIGINAL.txid(), 1, 1)));
        assertEquals(BatchState.CONFIRMED, fromSigned.batch().state());
        refused(batches.get(BatchState.APPROVED), new BatchCommand.MarkConfirmed(ORIGINAL.txid(), 9, 1),
                BatchReason.INVALID_STATE);
    }

    @Test
    void shouldFailASignedBatchOnlyOnADeeplyConfirmedConflict() {
        for (BatchState state : List.of(BatchState.SIGNED, BatchState.BROADCAST)) {
            BatchSnapshot batch = batches.get(state);
            Refused plain = refused(batch, new BatchCommand.Fail("node says not in mempool"), BatchReason.MAY_ALREADY_BE_SENT);
            assertTrue(plain.message().contains(ORIGINAL.txid()), plain.message());
            refused(batch, new BatchCommand.FailConflicted("x", STRANGER, 1, 6), BatchReason.NOT_ENOUGH_CONFIRMATIONS);
            refused(batch, new BatchCommand.FailConflicted("x", ORIGINAL.txid(), 6, 6), BatchReason.INVALID_INPUT);
            Ok failed = assertInstanceOf(Ok.class,
                    BatchStateMachine.apply(batch, new BatchCommand.FailConflicted("inputs double-spent", STRANGER, 6, 6)));
            assertEquals(new BatchEvent.Failed(state, failed.batch().closingReason()), failed.event().orElseThrow());
            assertTrue(failed.batch().closingReason().contains(STRANGER), failed.batch().closingReason());
        }
        refused(batches.get(BatchState.APPROVED), new BatchCommand.FailConflicted("x", STRANGER, 6, 6),
                BatchReason.INVALID_STATE);
        Ok early = assertInstanceOf(Ok.class,
                BatchStateMachine.apply(batches.get(BatchState.PROPOSED), new BatchCommand.Fail("fee too high")));
        assertEquals(new BatchEvent.Failed(BatchState.PROPOSED, "fee too high"), early.event().orElseThrow());
    }

    @Test
    void shouldKeepTerminalBatchesUnchangedWhateverIsSent() {
        for (BatchState state : List.of(BatchState.CONFIRMED, BatchState.REJECTED, BatchState.FAILED)) {
            BatchSnapshot batch = batches.get(state);
            for (BatchCommand command : List.of(new BatchCommand.Revise(1), new BatchCommand.Approve(9, batch.revision()),
                    new BatchCommand.MarkSigned(tx('f', 1)), new BatchCommand.RecordReplacement(tx('e', 1)),
                    new BatchCommand.MarkConfirmed(STRANGER, 9, 1), new BatchCommand.Fail("x"),
                    new BatchCommand.Reject(9, "x"))) {
                BatchResult result = BatchStateMachine.apply(batch, command);
                if (result instanceof Ok ok) {
                    assertEquals(batch, ok.batch(), state + " changed by " + command);
                    assertTrue(ok.event().isEmpty());
                } else {
                    assertInstanceOf(Refused.class, result, state + " " + command);
                }
            }
        }
    }

    @Test
    void shouldTrackEveryReplacementBesideTheOriginal() {
        BatchSnapshot batch = must(batches.get(BatchState.BROADCAST), new BatchCommand.RecordReplacement(tx('d', 4)));
        assertEquals(List.of(ORIGINAL.txid(), BUMP.txid(), "d".repeat(64)), batch.knownTxids());
        refused(batch, new BatchCommand.RecordReplacement(tx('b', 5)), BatchReason.INVALID_STATE);
        refused(batch, new BatchCommand.RecordReplacement(tx('a', 5)), BatchReason.INVALID_STATE);
        assertEquals(BatchState.CONFIRMED, must(batch, new BatchCommand.MarkConfirmed("d".repeat(64), 3, 3)).state());
    }
}
