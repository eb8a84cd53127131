package org.proxyfund.payout;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * What the state machine knows of one payout batch; immutable, and every invariant of a reachable batch
 * is checked in the constructor, so a snapshot that could lead to a double payment cannot be built.
 *
 * @param state where the batch stands
 * @param revision content version, starts at 1 and grows with every change of lines or amounts
 * @param totalSats the sum of the batch's lines, in satoshis (&gt; 0)
 * @param twoAdminThresholdSats a total strictly above this needs two different admins; fixed when the
 *        batch is proposed, so a configuration change cannot alter what an in-flight batch needs
 * @param approvals ids of the admins who approved the current revision, in order, no repeats
 * @param signed the original signed transaction, stored before any broadcast; null before SIGNED
 * @param replacements fee-bump replacements of {@code signed}, in the order they were recorded
 * @param confirmedTxid which of the batch's txids the chain confirmed; only in CONFIRMED
 * @param closingReason why the batch was rejected or failed; only in REJECTED and FAILED
 */
public record BatchSnapshot(BatchState state, int revision, long totalSats, long twoAdminThresholdSats,
                            List<Long> approvals, SignedTransaction signed, List<SignedTransaction> replacements,
                            String confirmedTxid, String closingReason) {

    /** Checks the invariants; a violation is a bug (or a corrupted row), so it throws. */
    public BatchSnapshot {
        require(state != null, "state is missing");
        require(revision >= 1, "revision must be at least 1: " + revision);
        require(totalSats > 0, "total must be positive: " + totalSats);
        require(twoAdminThresholdSats >= 0, "two-admin threshold must not be negative: " + twoAdminThresholdSats);
        approvals = List.copyOf(approvals);
        replacements = List.copyOf(replacements);
        require(new HashSet<>(approvals).size() == approvals.size(), "an admin approved twice: " + approvals);
        int needed = totalSats > twoAdminThresholdSats ? 2 : 1;
        if (state == BatchState.PROPOSED) {
            require(approvals.size() < needed, "a PROPOSED batch already has enough approvals");
        }
        if (state == BatchState.APPROVED || state == BatchState.AWAITING_SIGNATURES || state.maySpend()) {
            require(approvals.size() >= needed, state + " needs " + needed + " approval(s), has " + approvals);
        }
        require(state.maySpend() ? signed != null
                : state != BatchState.PROPOSED && state != BatchState.APPROVED && state != BatchState.REJECTED
                        && state != BatchState.AWAITING_SIGNATURES || signed == null, state + " and a signed transaction do not go together");
        require(replacements.isEmpty() || signed != null && state != BatchState.SIGNED,
                "replacements exist only after a broadcast");
        List<String> known = new ArrayList<>();
        if (signed != null) {
            known.add(signed.txid());
        }
        replacements.forEach(r -> known.add(r.txid()));
        require(new HashSet<>(known).size() == known.size(), "a txid is tracked twice: " + known);
        require((state == BatchState.CONFIRMED) == (confirmedTxid != null), "confirmed txid only in CONFIRMED");
        require(confirmedTxid == null || known.contains(confirmedTxid), "confirmed txid is not the batch's");
        boolean closed = state == BatchState.REJECTED || state == BatchState.FAILED;
        require(closed == (closingReason != null && !closingReason.isBlank()), "closing reason only when closed");
    }

    /** A freshly proposed batch at revision 1, with no approvals. */
    public static BatchSnapshot proposed(long totalSats, long twoAdminThresholdSats) {
        return new BatchSnapshot(BatchState.PROPOSED, 1, totalSats, twoAdminThresholdSats,
                List.of(), null, List.of(), null, null);
    }

    /** How many different admins must approve: two when the total is strictly above the threshold. */
    public int approvalsNeeded() {
        return totalSats > twoAdminThresholdSats ? 2 : 1;
    }

    /** The original txid followed by every recorded replacement's; empty before SIGNED. */
    public List<String> knownTxids() {
        List<String> known = new ArrayList<>();
        if (signed != null) {
            known.add(signed.txid());
        }
        replacements.forEach(r -> known.add(r.txid()));
        return List.copyOf(known);
    }

    /** Whether {@code txid} is the original signed transaction or one of its recorded replacements. */
    public boolean isKnownTxid(String txid) {
        return knownTxids().contains(txid);
    }

    /** The one place a batch changes: refuses (as a bug) any move the transition table does not allow. */
    BatchSnapshot transitionTo(BatchState nextState, int nextRevision, long nextTotal, List<Long> nextApprovals,
                               SignedTransaction nextSigned, List<SignedTransaction> nextReplacements,
                               String nextConfirmed, String nextReason) {
        if (!state.canMoveTo(nextState)) {
            throw new IllegalStateException("the transition table forbids " + state + " -> " + nextState);
        }
        return new BatchSnapshot(nextState, nextRevision, nextTotal, twoAdminThresholdSats, nextApprovals,
                nextSigned, nextReplacements, nextConfirmed, nextReason);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException("impossible payout batch: " + message);
        }
    }
}
