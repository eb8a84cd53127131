package org.proxyfund.payout;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.Test;
import org.proxyfund.payout.BatchResult.Ok;
import org.proxyfund.payout.BatchResult.Pending;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.proxyfund.payout.BatchFixtures.BUMP;
import static org.proxyfund.payout.BatchFixtures.ORIGINAL;
import static org.proxyfund.payout.BatchFixtures.STRANGER;
import static org.proxyfund.payout.BatchFixtures.tx;

/** Every (state, next state) pair of the payout batch table, against an explicit matrix and the machine. */
@PlainLane
class BatchStateTest {

    /** Rows: from; columns: PROPOSED APPROVED AWAITING_SIGNATURES SIGNED BROADCAST CONFIRMED REJECTED FAILED. */
    private static final String[] MATRIX = {
            /* PROPOSED  */ "X X . . . . X X",
            /* APPROVED  */ ". . X X . . X X",
            /* AWAITING  */ ". . X X . . . .",
            /* SIGNED    */ ". . . . X X . X",
            /* BROADCAST */ ". . . . X X . X",
            /* CONFIRMED */ ". . . . X . . .",
            /* REJECTED  */ ". . . . . . . .",
            /* FAILED    */ ". . . . . . . ."};

    private static boolean expected(BatchState from, BatchState to) {
        return MATRIX[from.ordinal()].split(" ")[to.ordinal()].equals("X");
    }

    /** Every command a caller could reasonably send, with values that fit the fixtures. */
    private static List<BatchCommand> everyCommand() {
        return List.of(new BatchCommand.Revise(60_000), new BatchCommand.Approve(1, 1),
                new BatchCommand.Approve(2, 1), new BatchCommand.Reject(2, "no"),
                new BatchCommand.AwaitSignatures(ORIGINAL.txid()),
                new BatchCommand.MarkSigned(ORIGINAL), new BatchCommand.MarkSigned(tx('d', 9)),
                new BatchCommand.RecordReplacement(tx('e', 3)), new BatchCommand.RecordReplacement(BUMP),
                new BatchCommand.MarkBroadcast(ORIGINAL.txid()), new BatchCommand.MarkBroadcast(BUMP.txid()),
                new BatchCommand.MarkBroadcast(STRANGER), new BatchCommand.MarkConfirmed(ORIGINAL.txid(), 6, 6),
                new BatchCommand.MarkConfirmed(BUMP.txid(), 9, 6), new BatchCommand.MarkConfirmed(STRANGER, 9, 6),
                new BatchCommand.Fail("broken"), new BatchCommand.FailConflicted("double-spent", STRANGER, 6, 6),
                new BatchCommand.MarkLeftChain(ORIGINAL.txid()), new BatchCommand.MarkLeftChain(BUMP.txid()),
                new BatchCommand.MarkLeftChain(STRANGER));
    }

    @Test
    void shouldAllowExactlyTheTransitionsOfTheMatrix() {
        assertEquals(BatchState.values().length, MATRIX.length);
        for (BatchState from : BatchState.values()) {
            for (BatchState to : BatchState.values()) {
                assertEquals(expected(from, to), from.canMoveTo(to), from + " -> " + to);
            }
            assertEquals(EnumSet.of(BatchState.REJECTED, BatchState.FAILED).contains(from),
                    from.isTerminal(), from + " terminal");
            assertEquals(EnumSet.of(BatchState.CONFIRMED, BatchState.REJECTED, BatchState.FAILED).contains(from),
                    from.isClosed(), from + " closed");
        }
    }

    @Test
    void shouldReachExactlyTheAllowedNextStatesThroughCommands() {
        Map<BatchState, BatchSnapshot> batches = BatchFixtures.oneOfEachState();
        for (BatchState from : BatchState.values()) {
            BatchSnapshot batch = batches.get(from);
            assertEquals(from, batch.state());
            Set<BatchState> reached = EnumSet.noneOf(BatchState.class);
            for (BatchCommand command : everyCommand()) {
                BatchResult result = BatchStateMachine.apply(batch, command);
                if (result instanceof Ok ok && ok.event().isPresent()) {
                    reached.add(ok.batch().state());
                } else if (result instanceof Pending pending) {
                    reached.add(pending.batch().state());
                } else if (result instanceof Ok ok) {
                    assertEquals(batch, ok.batch(), "a repeat without event must not change " + from);
                }
            }
            for (BatchState to : BatchState.values()) {
                assertEquals(expected(from, to), reached.contains(to), "reached " + from + " -> " + to);
            }
        }
    }

    @Test
    void shouldNeverRejectOrFailABatchAwaitingSignaturesSinceItsPsbtMayBeSignedOutside() {
        BatchSnapshot awaiting = BatchFixtures.oneOfEachState().get(BatchState.AWAITING_SIGNATURES);
        BatchResult.Refused reject = (BatchResult.Refused) BatchStateMachine.apply(awaiting, new BatchCommand.Reject(1, "changed my mind"));
        assertEquals(BatchReason.INVALID_STATE, reject.reason());
        org.junit.jupiter.api.Assertions.assertTrue(reject.message().contains("PSBT may already be signed"), reject.message());
        BatchResult.Refused fail = (BatchResult.Refused) BatchStateMachine.apply(awaiting, new BatchCommand.Fail("stuck"));
        assertEquals(BatchReason.MAY_ALREADY_BE_SENT, fail.reason());
        Ok signed = (Ok) BatchStateMachine.apply(awaiting, new BatchCommand.MarkSigned(ORIGINAL));
        assertEquals(BatchState.SIGNED, signed.batch().state());
    }

    @Test
    void shouldTreatAnyMoveOutsideTheTableAsABug() {
        BatchSnapshot signed = BatchFixtures.oneOfEachState().get(BatchState.SIGNED);
        assertThrows(IllegalStateException.class, () -> signed.transitionTo(BatchState.APPROVED, 1, 50_000,
                signed.approvals(), null, List.of(), null, null));
        assertThrows(IllegalStateException.class, () -> new BatchSnapshot(BatchState.SIGNED, 1, 50_000, 100_000,
                List.of(1L), null, List.of(), null, null), "SIGNED without a transaction");
        assertThrows(IllegalStateException.class, () -> new BatchSnapshot(BatchState.APPROVED, 1, 150_000, 100_000,
                List.of(1L), null, List.of(), null, null), "APPROVED over the threshold with one admin");
    }
}
