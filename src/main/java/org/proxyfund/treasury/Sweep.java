package org.proxyfund.treasury;

/**
 * A sweep as its one writer sees it: immutable; every change is a new snapshot made by {@link #moveTo}, which refuses
 * (throws: a bug) any move the transition table does not allow.
 *
 * @param id         the sweep's id
 * @param state      where it is
 * @param txid       its transaction, recorded with its bytes before any broadcast
 * @param sweptSats  what the cold address receives
 * @param feeSats    the miner fee, paid by the hot wallet
 * @param reorgCount how often a reorg took its confirming block away
 */
public record Sweep(long id, SweepState state, String txid, long sweptSats, long feeSats, int reorgCount) {

    public Sweep {
        if (txid == null || !txid.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a sweep is recorded with its txid before it is sent");
        }
        if (sweptSats <= 0 || feeSats < 0) {
            throw new IllegalArgumentException("a sweep moves something and its fee is not negative");
        }
    }

    /** A sweep just signed and recorded: nothing has sent it yet. */
    public static Sweep signed(long id, String txid, long sweptSats, long feeSats) {
        return new Sweep(id, SweepState.SIGNED, txid, sweptSats, feeSats, 0);
    }

    /** What it takes out of the hot wallet. */
    public long hotSpentSats() {
        return sweptSats + feeSats;
    }

    Sweep moveTo(SweepState next) {
        if (!state.canMoveTo(next)) {
            throw new IllegalStateException("sweep " + id + ": " + state + " → " + next + " is not in the table");
        }
        int reorgs = state == SweepState.CONFIRMED && next == SweepState.BROADCAST ? reorgCount + 1 : reorgCount;
        return new Sweep(id, next, txid, sweptSats, feeSats, reorgs);
    }
}
