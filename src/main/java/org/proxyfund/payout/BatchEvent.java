package org.proxyfund.payout;

import java.util.List;

/** What changed in a payout batch, for the audit log, notifications and the ledger; one per real change. */
public sealed interface BatchEvent {

    /** Lines or amounts changed; approvals of {@code fromRevision} no longer count. */
    record Revised(int fromRevision, int toRevision, long totalSats) implements BatchEvent {
    }

    /** One approval recorded; {@code approvalsNeeded} in all for this revision. */
    record ApprovalRecorded(long adminId, int revision, int approvalsNeeded) implements BatchEvent {
    }

    /** Enough different admins approved {@code revision}: it may now be signed. */
    record Approved(List<Long> adminIds, int revision) implements BatchEvent {
        public Approved {
            adminIds = List.copyOf(adminIds);
        }
    }

    /** An admin rejected the batch; its lines return to payable. */
    record Rejected(long adminId, String reason) implements BatchEvent {
    }

    /** A PSBT of the batch's transaction {@code txid} is on record and offered to the admins to sign. */
    record AwaitingSignatures(String txid) implements BatchEvent {
    }

    /** The signed transaction is on record and may now be broadcast. */
    record Signed(String txid) implements BatchEvent {
    }

    /** A fee-bump replacement is on record and may now be broadcast. */
    record ReplacementRecorded(String txid, String originalTxid) implements BatchEvent {
    }

    /** The first broadcast of the original transaction returned. */
    record Broadcast(String txid) implements BatchEvent {
    }

    /** The chain confirmed {@code txid} deeply enough: the batch is paid (book it in the ledger). */
    record Confirmed(String txid, int confirmations) implements BatchEvent {
    }

    /** A reorg took the confirming {@code txid} out of the chain: in flight again (reverse the booking, send it again). */
    record LeftChain(String txid) implements BatchEvent {
    }

    /** The batch failed from {@code from}; its lines return to payable. */
    record Failed(BatchState from, String reason) implements BatchEvent {
    }
}
