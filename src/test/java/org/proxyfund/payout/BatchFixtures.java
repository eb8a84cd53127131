package org.proxyfund.payout;

import org.proxyfund.payout.BatchResult.Ok;
import org.proxyfund.payout.BatchResult.Pending;

import java.util.EnumMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Transactions and batches in every state, built through the state machine itself. */
final class BatchFixtures {

    static final long THRESHOLD = 100_000;
    static final SignedTransaction ORIGINAL = tx('a', 1);
    static final SignedTransaction BUMP = tx('b', 2);
    static final String STRANGER = "c".repeat(64);

    private BatchFixtures() {
    }

    /** A transaction whose txid is {@code digit} 64 times and whose raw bytes start with {@code variant}. */
    static SignedTransaction tx(char digit, int variant) {
        return new SignedTransaction(String.valueOf(digit).repeat(64), new byte[] {2, 0, 0, 0, (byte) variant});
    }

    /** Applies a command that must succeed with a change (or a recorded first approval), returning the new batch. */
    static BatchSnapshot must(BatchSnapshot batch, BatchCommand command) {
        BatchResult result = BatchStateMachine.apply(batch, command);
        if (result instanceof Pending pending) {
            return pending.batch();
        }
        Ok ok = assertInstanceOf(Ok.class, result, () -> command + " on " + batch.state() + ": " + result);
        assertEquals(true, ok.event().isPresent(), () -> command + " should change the batch");
        return ok.batch();
    }

    /** One batch in each state, below the two-admin threshold; BROADCAST has a tracked replacement. */
    static Map<BatchState, BatchSnapshot> oneOfEachState() {
        Map<BatchState, BatchSnapshot> batches = new EnumMap<>(BatchState.class);
        BatchSnapshot proposed = BatchSnapshot.proposed(50_000, THRESHOLD);
        BatchSnapshot approved = must(proposed, new BatchCommand.Approve(1, 1));
        BatchSnapshot signed = must(approved, new BatchCommand.MarkSigned(ORIGINAL));
        BatchSnapshot broadcast = must(must(signed, new BatchCommand.MarkBroadcast(ORIGINAL.txid())),
                new BatchCommand.RecordReplacement(BUMP));
        batches.put(BatchState.PROPOSED, proposed);
        batches.put(BatchState.APPROVED, approved);
        batches.put(BatchState.AWAITING_SIGNATURES, must(approved, new BatchCommand.AwaitSignatures(ORIGINAL.txid())));
        batches.put(BatchState.SIGNED, signed);
        batches.put(BatchState.BROADCAST, broadcast);
        batches.put(BatchState.CONFIRMED, must(broadcast, new BatchCommand.MarkConfirmed(BUMP.txid(), 6, 6)));
        batches.put(BatchState.REJECTED, must(proposed, new BatchCommand.Reject(1, "amounts look wrong")));
        batches.put(BatchState.FAILED, must(approved, new BatchCommand.Fail("an address was refused")));
        return batches;
    }
}
