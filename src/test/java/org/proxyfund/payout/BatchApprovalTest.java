package org.proxyfund.payout;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.Test;
import org.proxyfund.payout.BatchResult.Ok;
import org.proxyfund.payout.BatchResult.Pending;
import org.proxyfund.payout.BatchResult.Refused;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proxyfund.payout.BatchFixtures.THRESHOLD;
import static org.proxyfund.payout.BatchFixtures.must;

/** Admin approval of payout batches: revisions, the two-admin rule, double submits and rejection. */
@PlainLane
class BatchApprovalTest {

    private static BatchResult approve(BatchSnapshot batch, long admin, int revision) {
        return BatchStateMachine.apply(batch, new BatchCommand.Approve(admin, revision));
    }

    @Test
    void shouldApproveWithOneAdminBelowAndAtTheThreshold() {
        for (long total : new long[] {1, THRESHOLD - 1, THRESHOLD}) {
            Ok ok = assertInstanceOf(Ok.class, approve(BatchSnapshot.proposed(total, THRESHOLD), 7, 1));
            assertEquals(BatchState.APPROVED, ok.batch().state(), "total " + total);
            assertEquals(new BatchEvent.Approved(List.of(7L), 1), ok.event().orElseThrow());
        }
    }

    @Test
    void shouldNeedTwoDifferentAdminsAboveTheThreshold() {
        BatchSnapshot batch = BatchSnapshot.proposed(THRESHOLD + 1, THRESHOLD);
        Pending first = assertInstanceOf(Pending.class, approve(batch, 7, 1));
        assertEquals(BatchReason.NEEDS_SECOND_ADMIN, first.reason());
        assertEquals(BatchState.PROPOSED, first.batch().state());
        assertEquals(List.of(7L), first.batch().approvals(), "the first approval is recorded");
        assertTrue(first.message().contains("100001") && first.message().contains("100000"), first.message());

        Refused again = assertInstanceOf(Refused.class, approve(first.batch(), 7, 1));
        assertEquals(BatchReason.ALREADY_APPROVED_BY_YOU, again.reason());

        Ok second = assertInstanceOf(Ok.class, approve(first.batch(), 8, 1));
        assertEquals(BatchState.APPROVED, second.batch().state());
        assertEquals(new BatchEvent.Approved(List.of(7L, 8L), 1), second.event().orElseThrow());
    }

    @Test
    void shouldRefuseApprovalTwiceBySameAdmin() {
        BatchSnapshot approved = must(BatchSnapshot.proposed(5_000, THRESHOLD), new BatchCommand.Approve(7, 1));
        Refused refused = assertInstanceOf(Refused.class, approve(approved, 7, 1));
        assertEquals(BatchReason.ALREADY_APPROVED_BY_YOU, refused.reason());
        assertTrue(refused.message().contains("already approved revision 1"), refused.message());

        Refused other = assertInstanceOf(Refused.class, approve(approved, 8, 1));
        assertEquals(BatchReason.INVALID_STATE, other.reason(), "an approved batch takes no more approvals");
    }

    @Test
    void shouldRefuseStaleRevisionNamingBothRevisions() {
        BatchSnapshot batch = BatchSnapshot.proposed(THRESHOLD + 500, THRESHOLD);
        batch = must(batch, new BatchCommand.Revise(THRESHOLD + 400));
        batch = must(batch, new BatchCommand.Revise(THRESHOLD + 300));
        Refused refused = assertInstanceOf(Refused.class, approve(batch, 7, 2));
        assertEquals(BatchReason.OLD_REVISION, refused.reason());
        assertTrue(refused.message().contains("revision 2") && refused.message().contains("revision 3"),
                refused.message());
    }

    @Test
    void shouldVoidEarlierApprovalsWhenTheLinesChange() {
        BatchSnapshot batch = must(BatchSnapshot.proposed(THRESHOLD + 1, THRESHOLD), new BatchCommand.Approve(7, 1));
        Ok revised = assertInstanceOf(Ok.class, BatchStateMachine.apply(batch, new BatchCommand.Revise(THRESHOLD + 2)));
        assertEquals(new BatchEvent.Revised(1, 2, THRESHOLD + 2), revised.event().orElseThrow());
        assertEquals(List.of(), revised.batch().approvals());
        // admin 8 alone must not complete what admin 7 approved at revision 1
        Pending pending = assertInstanceOf(Pending.class, approve(revised.batch(), 8, 2));
        assertEquals(BatchState.PROPOSED, pending.batch().state());
        assertEquals(BatchState.APPROVED, must(pending.batch(), new BatchCommand.Approve(7, 2)).state());
    }

    @Test
    void shouldLowerTheNeedToOneAdminWhenARevisionFallsToTheThreshold() {
        BatchSnapshot batch = must(BatchSnapshot.proposed(THRESHOLD + 1, THRESHOLD), new BatchCommand.Approve(7, 1));
        batch = must(batch, new BatchCommand.Revise(THRESHOLD));
        assertEquals(BatchState.APPROVED, must(batch, new BatchCommand.Approve(7, 2)).state());
    }

    @Test
    void shouldRefuseRevisingAnApprovedBatch() {
        BatchSnapshot approved = must(BatchSnapshot.proposed(5_000, THRESHOLD), new BatchCommand.Approve(7, 1));
        Refused refused = assertInstanceOf(Refused.class,
                BatchStateMachine.apply(approved, new BatchCommand.Revise(6_000)));
        assertEquals(BatchReason.INVALID_STATE, refused.reason());
    }

    @Test
    void shouldRejectBeforeSigningOnlyAndRepeatRejectionSafely() {
        BatchSnapshot approved = must(BatchSnapshot.proposed(5_000, THRESHOLD), new BatchCommand.Approve(7, 1));
        Refused empty = assertInstanceOf(Refused.class,
                BatchStateMachine.apply(approved, new BatchCommand.Reject(8, "  ")));
        assertEquals(BatchReason.INVALID_INPUT, empty.reason());
        Ok rejected = assertInstanceOf(Ok.class,
                BatchStateMachine.apply(approved, new BatchCommand.Reject(8, " wrong address ")));
        assertEquals(new BatchEvent.Rejected(8, "wrong address"), rejected.event().orElseThrow());
        Ok repeat = assertInstanceOf(Ok.class,
                BatchStateMachine.apply(rejected.batch(), new BatchCommand.Reject(8, "wrong address")));
        assertTrue(repeat.event().isEmpty());
        assertEquals(rejected.batch(), repeat.batch());

        BatchSnapshot signed = must(approved, new BatchCommand.MarkSigned(BatchFixtures.ORIGINAL));
        Refused late = assertInstanceOf(Refused.class,
                BatchStateMachine.apply(signed, new BatchCommand.Reject(8, "too late")));
        assertEquals(BatchReason.INVALID_STATE, late.reason());
        assertTrue(late.message().contains("may already be on the network"), late.message());
    }
}
