package org.proxyfund.payout;

/**
 * A request to change a payout batch, handed to {@link BatchStateMachine#apply}. Malformed values
 * (bad txid, negative counts) are bugs of the caller and throw; text an admin typed is checked by the
 * state machine and refused as a value.
 */
public sealed interface BatchCommand {

    /** The lines or amounts changed (PROPOSED only): new revision, earlier approvals void. Not idempotent. */
    record Revise(long totalSats) implements BatchCommand {
        public Revise {
            if (totalSats <= 0) {
                throw new IllegalArgumentException("a batch total must be positive: " + totalSats);
            }
        }
    }

    /** An admin approves the revision they saw. Not idempotent: a repeat is refused with a clear message. */
    record Approve(long adminId, int quotedRevision) implements BatchCommand {
    }

    /** An admin rejects the batch before it is signed; its lines return to payable. Idempotent. */
    record Reject(long adminId, String reason) implements BatchCommand {
    }

    /** The approved batch's transaction was signed; stored (same database transaction) before broadcast. Idempotent. */
    record MarkSigned(SignedTransaction transaction) implements BatchCommand {
        public MarkSigned {
            if (transaction == null) {
                throw new IllegalArgumentException("signed transaction is missing");
            }
        }
    }

    /**
     * A PSBT of the approved batch was built for the admins to sign ({@code txid} is final: every input is segwit);
     * stored as the batch's newest PSBT revision. Not idempotent: every call records a new revision.
     */
    record AwaitSignatures(String txid) implements BatchCommand {
        public AwaitSignatures {
            SignedTransaction.requireTxid(txid);
        }
    }

    /** A fee-bump replacement was signed; stored before it is broadcast, tracked beside the original. Idempotent. */
    record RecordReplacement(SignedTransaction transaction) implements BatchCommand {
        public RecordReplacement {
            if (transaction == null) {
                throw new IllegalArgumentException("replacement transaction is missing");
            }
        }
    }

    /** A broadcast of one of the batch's known transactions returned. Idempotent: rebroadcasting is safe. */
    record MarkBroadcast(String txid) implements BatchCommand {
        public MarkBroadcast {
            SignedTransaction.requireTxid(txid);
        }
    }

    /** The chain shows {@code confirmations} of {@code txid}; {@code required} comes from configuration. Idempotent. */
    record MarkConfirmed(String txid, int confirmations, int required) implements BatchCommand {
        public MarkConfirmed {
            SignedTransaction.requireTxid(txid);
            requireCounts(confirmations, required);
        }
    }

    /**
     * The transaction that confirmed the batch is no longer in the best chain (a reorg took its block away): in flight
     * again. Idempotent: a batch already in flight with {@code txid} among its transactions is left as it is.
     */
    record MarkLeftChain(String txid) implements BatchCommand {
        public MarkLeftChain {
            SignedTransaction.requireTxid(txid);
        }
    }

    /** The batch cannot be sent (before signing only); lines return to payable. Idempotent. */
    record Fail(String reason) implements BatchCommand {
    }

    /**
     * The batch's inputs were spent by a transaction that is none of its own, confirmed {@code confirmations}
     * times: its transactions can never confirm, so it may fail even after signing. Idempotent.
     */
    record FailConflicted(String reason, String conflictingTxid, int confirmations, int required)
            implements BatchCommand {
        public FailConflicted {
            SignedTransaction.requireTxid(conflictingTxid);
            requireCounts(confirmations, required);
        }
    }

    private static void requireCounts(int confirmations, int required) {
        if (confirmations < 0 || required < 1) {
            throw new IllegalArgumentException("confirmations " + confirmations + " of required " + required);
        }
    }
}
