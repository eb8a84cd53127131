package org.proxyfund.payout;

import org.proxyfund.payout.BatchCommand.Approve;
import org.proxyfund.payout.BatchCommand.Fail;
import org.proxyfund.payout.BatchCommand.FailConflicted;
import org.proxyfund.payout.BatchCommand.MarkBroadcast;
import org.proxyfund.payout.BatchCommand.MarkConfirmed;
import org.proxyfund.payout.BatchCommand.MarkLeftChain;
import org.proxyfund.payout.BatchCommand.MarkSigned;
import org.proxyfund.payout.BatchCommand.RecordReplacement;
import org.proxyfund.payout.BatchCommand.Reject;
import org.proxyfund.payout.BatchCommand.Revise;
import org.proxyfund.payout.BatchResult.Ok;
import org.proxyfund.payout.BatchResult.Pending;
import org.proxyfund.payout.BatchResult.Refused;

import java.util.ArrayList;
import java.util.List;

import static org.proxyfund.payout.BatchState.APPROVED;
import static org.proxyfund.payout.BatchState.PROPOSED;
import static org.proxyfund.payout.BatchState.REJECTED;

/**
 * The single writer's rules for payout batches, without I/O: the owning service locks the batch row,
 * applies one command here and stores the result in the same database transaction. Admin-side commands
 * (revise, approve, reject) live here; the sending side in {@link BatchChainRules}.
 */
public final class BatchStateMachine {

    static final int MAX_REASON_LENGTH = 500;

    private BatchStateMachine() {
    }

    /** Applies {@code command} to {@code batch}; never throws for an expected refusal. */
    public static BatchResult apply(BatchSnapshot batch, BatchCommand command) {
        return switch (command) {
            case Revise c -> revise(batch, c);
            case Approve c -> approve(batch, c);
            case Reject c -> reject(batch, c);
            case BatchCommand.AwaitSignatures c -> BatchChainRules.awaitSignatures(batch, c);
            case MarkSigned c -> BatchChainRules.markSigned(batch, c);
            case RecordReplacement c -> BatchChainRules.recordReplacement(batch, c);
            case MarkBroadcast c -> BatchChainRules.markBroadcast(batch, c);
            case MarkConfirmed c -> BatchChainRules.markConfirmed(batch, c);
            case MarkLeftChain c -> BatchChainRules.markLeftChain(batch, c);
            case Fail c -> BatchChainRules.fail(batch, c);
            case FailConflicted c -> BatchChainRules.failConflicted(batch, c);
        };
    }

    private static BatchResult revise(BatchSnapshot b, Revise c) {
        if (!b.state().canMoveTo(PROPOSED)) {
            return invalidState(b, "change its lines", "only a PROPOSED batch can change; reject it and propose a new one");
        }
        BatchSnapshot next = b.transitionTo(PROPOSED, b.revision() + 1, c.totalSats(), List.of(), null, List.of(), null, null);
        return Ok.changed(next, new BatchEvent.Revised(b.revision(), next.revision(), c.totalSats()));
    }

    private static BatchResult approve(BatchSnapshot b, Approve c) {
        if (b.state() == APPROVED && b.approvals().contains(c.adminId()) && c.quotedRevision() == b.revision()) {
            return new Refused(BatchReason.ALREADY_APPROVED_BY_YOU,
                    "you already approved revision " + b.revision() + " of this batch; it is approved");
        }
        if (b.state() != PROPOSED) {
            return invalidState(b, "approve it", "only a PROPOSED batch can be approved");
        }
        if (c.quotedRevision() != b.revision()) {
            return new Refused(BatchReason.OLD_REVISION, "your approval quotes revision " + c.quotedRevision()
                    + " but the batch is now at revision " + b.revision() + "; review the changed lines and approve again");
        }
        if (b.approvals().contains(c.adminId())) {
            return new Refused(BatchReason.ALREADY_APPROVED_BY_YOU, "you already approved revision " + b.revision()
                    + "; a total of " + b.totalSats() + " sats needs a second, different admin");
        }
        List<Long> approvals = new ArrayList<>(b.approvals());
        approvals.add(c.adminId());
        if (approvals.size() < b.approvalsNeeded()) {
            BatchSnapshot next = b.transitionTo(PROPOSED, b.revision(), b.totalSats(), approvals, null, List.of(), null, null);
            return new Pending(next, new BatchEvent.ApprovalRecorded(c.adminId(), b.revision(), b.approvalsNeeded()),
                    BatchReason.NEEDS_SECOND_ADMIN, "approval recorded; the total of " + b.totalSats()
                    + " sats is over the two-admin threshold of " + b.twoAdminThresholdSats()
                    + " sats, so a second, different admin must approve revision " + b.revision());
        }
        BatchSnapshot next = b.transitionTo(APPROVED, b.revision(), b.totalSats(), approvals, null, List.of(), null, null);
        return Ok.changed(next, new BatchEvent.Approved(approvals, b.revision()));
    }

    private static BatchResult reject(BatchSnapshot b, Reject c) {
        Refused badReason = checkReason(c.reason());
        if (badReason != null) {
            return badReason;
        }
        if (b.state() == REJECTED) {
            return Ok.unchanged(b);
        }
        if (!b.state().canMoveTo(REJECTED)) {
            return invalidState(b, "reject it", b.state().maySpend()
                    ? "its signed transaction may already be on the network"
                    : b.state() == BatchState.AWAITING_SIGNATURES
                    ? "its PSBT may already be signed and sent from an admin's wallet" : "it is closed");
        }
        String reason = c.reason().strip();
        BatchSnapshot next = b.transitionTo(REJECTED, b.revision(), b.totalSats(), b.approvals(), null, List.of(), null, reason);
        return Ok.changed(next, new BatchEvent.Rejected(c.adminId(), reason));
    }

    /** A refusal for text an admin or the service gave as a reason, or null when the reason is usable. */
    static Refused checkReason(String reason) {
        if (reason == null || reason.isBlank()) {
            return new Refused(BatchReason.INVALID_INPUT, "give a reason");
        }
        if (reason.strip().length() > MAX_REASON_LENGTH) {
            return new Refused(BatchReason.INVALID_INPUT, "the reason is longer than " + MAX_REASON_LENGTH + " characters");
        }
        return null;
    }

    static Refused invalidState(BatchSnapshot b, String action, String why) {
        return new Refused(BatchReason.INVALID_STATE, "cannot " + action + " while the batch is " + b.state() + ": " + why);
    }
}
