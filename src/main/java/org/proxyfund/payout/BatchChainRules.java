package org.proxyfund.payout;

import org.proxyfund.payout.BatchCommand.Fail;
import org.proxyfund.payout.BatchCommand.FailConflicted;
import org.proxyfund.payout.BatchCommand.MarkBroadcast;
import org.proxyfund.payout.BatchCommand.MarkConfirmed;
import org.proxyfund.payout.BatchCommand.MarkLeftChain;
import org.proxyfund.payout.BatchCommand.MarkSigned;
import org.proxyfund.payout.BatchCommand.RecordReplacement;
import org.proxyfund.payout.BatchResult.Ok;
import org.proxyfund.payout.BatchResult.Refused;

import java.util.ArrayList;
import java.util.List;

import static org.proxyfund.payout.BatchState.BROADCAST;
import static org.proxyfund.payout.BatchState.CONFIRMED;
import static org.proxyfund.payout.BatchState.FAILED;
import static org.proxyfund.payout.BatchState.SIGNED;
import static org.proxyfund.payout.BatchStateMachine.checkReason;
import static org.proxyfund.payout.BatchStateMachine.invalidState;

/**
 * The sending side of the payout state machine: signing, broadcast, replacement, confirmation, a confirmation lost to
 * a reorg, failure.
 * Each command first checks whether its effect is already on record and then answers Ok without an event,
 * so a sending loop that crashed and restarted can simply repeat what it was doing.
 */
final class BatchChainRules {

    private BatchChainRules() {
    }

    /** APPROVED (or already waiting) → AWAITING_SIGNATURES with a new PSBT; refused once anything is signed. */
    static BatchResult awaitSignatures(BatchSnapshot b, BatchCommand.AwaitSignatures c) {
        if (b.state() != BatchState.APPROVED && b.state() != BatchState.AWAITING_SIGNATURES) {
            return invalidState(b, "offer a PSBT", "only an APPROVED batch is offered for signing");
        }
        BatchSnapshot next = b.transitionTo(BatchState.AWAITING_SIGNATURES, b.revision(), b.totalSats(), b.approvals(), null,
                List.of(), null, null);
        return Ok.changed(next, new BatchEvent.AwaitingSignatures(c.txid()));
    }

    static BatchResult markSigned(BatchSnapshot b, MarkSigned c) {
        SignedTransaction tx = c.transaction();
        if (b.signed() != null) {
            return b.signed().equals(tx) ? Ok.unchanged(b) : invalidState(b, "record transaction " + tx.txid(),
                    "it is already signed as " + b.signed().txid() + "; a second transaction could pay the lines twice");
        }
        if (!b.state().canMoveTo(SIGNED)) {
            return invalidState(b, "sign it", "only an APPROVED batch (or one awaiting signatures) can be signed");
        }
        BatchSnapshot next = b.transitionTo(SIGNED, b.revision(), b.totalSats(), b.approvals(), tx, List.of(), null, null);
        return Ok.changed(next, new BatchEvent.Signed(tx.txid()));
    }

    static BatchResult recordReplacement(BatchSnapshot b, RecordReplacement c) {
        SignedTransaction tx = c.transaction();
        if (b.replacements().contains(tx)) {
            return Ok.unchanged(b);
        }
        if (b.state() != BROADCAST) {
            return invalidState(b, "record a replacement", "only a BROADCAST transaction is fee-bumped");
        }
        if (b.isKnownTxid(tx.txid())) {
            return invalidState(b, "record replacement " + tx.txid(), "that txid is already tracked with other bytes");
        }
        List<SignedTransaction> replacements = new ArrayList<>(b.replacements());
        replacements.add(tx);
        BatchSnapshot next = b.transitionTo(BROADCAST, b.revision(), b.totalSats(), b.approvals(), b.signed(),
                replacements, null, null);
        return Ok.changed(next, new BatchEvent.ReplacementRecorded(tx.txid(), b.signed().txid()));
    }

    static BatchResult markBroadcast(BatchSnapshot b, MarkBroadcast c) {
        if ((b.state() == BROADCAST || b.state() == CONFIRMED) && b.isKnownTxid(c.txid())) {
            return Ok.unchanged(b);
        }
        if (b.state() != SIGNED && b.state() != BROADCAST) {
            return invalidState(b, "mark " + c.txid() + " broadcast", "only a SIGNED batch is broadcast");
        }
        if (!b.isKnownTxid(c.txid())) {
            return unknownTxid(b, c.txid(), "record a transaction before broadcasting it");
        }
        BatchSnapshot next = b.transitionTo(BROADCAST, b.revision(), b.totalSats(), b.approvals(), b.signed(),
                b.replacements(), null, null);
        return Ok.changed(next, new BatchEvent.Broadcast(c.txid()));
    }

    static BatchResult markConfirmed(BatchSnapshot b, MarkConfirmed c) {
        if (b.state() == CONFIRMED && c.txid().equals(b.confirmedTxid())) {
            return Ok.unchanged(b);
        }
        if (!b.state().canMoveTo(CONFIRMED)) {
            return invalidState(b, "confirm " + c.txid(), "only a SIGNED or BROADCAST batch is confirmed");
        }
        if (!b.isKnownTxid(c.txid())) {
            return unknownTxid(b, c.txid(), "only the chain's confirmation of the batch's own transaction completes it");
        }
        if (c.confirmations() < c.required()) {
            return new Refused(BatchReason.NOT_ENOUGH_CONFIRMATIONS, "transaction " + c.txid() + " has "
                    + c.confirmations() + " of the " + c.required() + " confirmations required");
        }
        BatchSnapshot next = b.transitionTo(CONFIRMED, b.revision(), b.totalSats(), b.approvals(), b.signed(),
                b.replacements(), c.txid(), null);
        return Ok.changed(next, new BatchEvent.Confirmed(c.txid(), c.confirmations()));
    }

    /**
     * CONFIRMED → BROADCAST when the confirming transaction left the chain. Nothing else changes: the same recorded
     * transactions stay the only ones that can pay the lines, and one of them may confirm again.
     */
    static BatchResult markLeftChain(BatchSnapshot b, MarkLeftChain c) {
        if ((b.state() == SIGNED || b.state() == BROADCAST) && b.isKnownTxid(c.txid())) {
            return Ok.unchanged(b);
        }
        if (b.state() != CONFIRMED) {
            return invalidState(b, "take its confirmation back", "only a CONFIRMED batch has a confirmation to lose");
        }
        if (!c.txid().equals(b.confirmedTxid())) {
            return new Refused(BatchReason.UNKNOWN_TXID, "transaction " + c.txid() + " did not confirm this batch ("
                    + b.confirmedTxid() + " did); only the confirming transaction's leaving the chain reopens it");
        }
        BatchSnapshot next = b.transitionTo(BROADCAST, b.revision(), b.totalSats(), b.approvals(), b.signed(),
                b.replacements(), null, null);
        return Ok.changed(next, new BatchEvent.LeftChain(c.txid()));
    }

    static BatchResult fail(BatchSnapshot b, Fail c) {
        Refused badReason = checkReason(c.reason());
        if (badReason != null) {
            return badReason;
        }
        if (b.state() == FAILED) {
            return Ok.unchanged(b);
        }
        if (b.state() == BatchState.AWAITING_SIGNATURES) {
            return new Refused(BatchReason.MAY_ALREADY_BE_SENT, "cannot fail a batch awaiting signatures: its PSBT may"
                    + " already be signed and sent from an admin's wallet; upload the signed transaction instead");
        }
        if (b.state() == SIGNED || b.state() == BROADCAST) {
            return new Refused(BatchReason.MAY_ALREADY_BE_SENT, "cannot fail a " + b.state()
                    + " batch: transaction " + b.signed().txid() + " may already be on the network; it fails only"
                    + " when a conflicting transaction spending its inputs is confirmed");
        }
        if (!b.state().canMoveTo(FAILED)) {
            return invalidState(b, "fail it", "it is closed");
        }
        return failed(b, c.reason().strip());
    }

    static BatchResult failConflicted(BatchSnapshot b, FailConflicted c) {
        Refused badReason = checkReason(c.reason());
        if (badReason != null) {
            return badReason;
        }
        if (b.state() == FAILED) {
            return Ok.unchanged(b);
        }
        if (b.state() != SIGNED && b.state() != BROADCAST) {
            return invalidState(b, "fail it by a conflict", "it has no transaction that could conflict");
        }
        if (b.isKnownTxid(c.conflictingTxid())) {
            return new Refused(BatchReason.INVALID_INPUT, "transaction " + c.conflictingTxid()
                    + " is this batch's own; its confirmation completes the batch, it does not fail it");
        }
        if (c.confirmations() < c.required()) {
            return new Refused(BatchReason.NOT_ENOUGH_CONFIRMATIONS, "conflicting transaction " + c.conflictingTxid()
                    + " has " + c.confirmations() + " of the " + c.required() + " confirmations required");
        }
        return failed(b, c.reason().strip() + " (inputs spent by " + c.conflictingTxid() + ", "
                + c.confirmations() + " confirmations)");
    }

    private static BatchResult failed(BatchSnapshot b, String reason) {
        BatchSnapshot next = b.transitionTo(FAILED, b.revision(), b.totalSats(), b.approvals(), b.signed(),
                b.replacements(), null, reason);
        return Ok.changed(next, new BatchEvent.Failed(b.state(), reason));
    }

    private static Refused unknownTxid(BatchSnapshot b, String txid, String hint) {
        return new Refused(BatchReason.UNKNOWN_TXID, "transaction " + txid + " is neither the batch's signed"
                + " transaction nor a recorded replacement (known: " + String.join(", ", b.knownTxids()) + "); " + hint);
    }
}
