package org.proxyfund.payout;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a payout batch stands; the one transition table below is the only source of allowed moves.
 *
 * <p>Why the table looks like this (never paid twice):
 * <ul>
 * <li>Nothing leads back to PROPOSED or APPROVED from SIGNED or later: once signed bytes exist they
 *     may reach the network at any time (a crash after broadcast but before the state change looks
 *     exactly like "never broadcast"), so re-approving or re-signing the same lines could pay twice.
 *     This is the reversal that made BTCPay Server pay one payout up to ten times (#6540).</li>
 * <li>PROPOSED → PROPOSED is an in-place change (new revision, or the first of two approvals);
 *     BROADCAST → BROADCAST only records a fee-bump replacement, kept alongside the original txid.</li>
 * <li>SIGNED → CONFIRMED: the chain itself proves the broadcast that a crash may have left unrecorded.</li>
 * <li>SIGNED/BROADCAST → FAILED are in the table but the state machine takes them only with proof that
 *     the batch's transactions can never confirm: a conflicting transaction spending the same inputs,
 *     confirmed to the required depth. "Not in our mempool" is no such proof, and neither is
 *     "we never called broadcast", so a plain failure is refused there.</li>
 * <li>CONFIRMED → BROADCAST: a reorg took the confirming transaction out of the chain. The batch is in flight again
 *     with the same recorded transactions (the stored bytes are sent again), the ledger entry of its confirmation is
 *     reversed, and an operator with a line in it is proposed for nothing new while it is in flight. It never goes
 *     back further than BROADCAST: the old transaction can still confirm, so no new one may pay the same lines.</li>
 * <li>APPROVED → AWAITING_SIGNATURES when the admins sign with their own wallets (PSBT): the batch waits for a
 *     signed upload; AWAITING_SIGNATURES → AWAITING_SIGNATURES records a new PSBT revision (same coins), → SIGNED stores
 *     the checked upload exactly as a hot-wallet signature is stored. It is never rejected nor failed: a downloaded PSBT may
 *     have been signed and sent outside the service, so its lines must not return to payable. If its transaction was
 *     sent outside, uploading the signed transaction records it and tracking follows it as usual.</li>
 * <li>REJECTED and FAILED are terminal and return the lines to payable; CONFIRMED is closed, but not terminal.</li>
 * </ul>
 */
public enum BatchState {
    PROPOSED, APPROVED, AWAITING_SIGNATURES, SIGNED, BROADCAST, CONFIRMED, REJECTED, FAILED;

    private static final Map<BatchState, Set<BatchState>> ALLOWED = new EnumMap<>(BatchState.class);

    static {
        ALLOWED.put(PROPOSED, EnumSet.of(PROPOSED, APPROVED, REJECTED, FAILED));
        ALLOWED.put(APPROVED, EnumSet.of(AWAITING_SIGNATURES, SIGNED, REJECTED, FAILED));
        ALLOWED.put(AWAITING_SIGNATURES, EnumSet.of(AWAITING_SIGNATURES, SIGNED));
        ALLOWED.put(SIGNED, EnumSet.of(BROADCAST, CONFIRMED, FAILED));
        ALLOWED.put(BROADCAST, EnumSet.of(BROADCAST, CONFIRMED, FAILED));
        ALLOWED.put(CONFIRMED, EnumSet.of(BROADCAST));
        ALLOWED.put(REJECTED, EnumSet.noneOf(BatchState.class));
        ALLOWED.put(FAILED, EnumSet.noneOf(BatchState.class));
    }

    /** Whether the transition table allows moving from this state to {@code next}. */
    public boolean canMoveTo(BatchState next) {
        return ALLOWED.get(this).contains(next);
    }

    /** Whether no command can change a batch in this state any more. */
    public boolean isTerminal() {
        return ALLOWED.get(this).isEmpty();
    }

    /**
     * Whether nothing is left to do: paid (CONFIRMED), rejected or failed. A CONFIRMED batch reopens only when a reorg
     * takes its transaction out of the chain.
     */
    public boolean isClosed() {
        return this == CONFIRMED || isTerminal();
    }

    /** Whether a signed transaction of this batch may exist (and so may be on the network). */
    public boolean maySpend() {
        return this == SIGNED || this == BROADCAST || this == CONFIRMED;
    }
}
