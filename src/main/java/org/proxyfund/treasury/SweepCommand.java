package org.proxyfund.treasury;

/** What can happen to a recorded sweep; {@link SweepMachine#apply} decides. */
public sealed interface SweepCommand {

    /** A node took the recorded transaction. */
    record MarkBroadcast(String txid) implements SweepCommand {
    }

    /** The chain holds the transaction {@code confirmations} deep; {@code required} completes the sweep. */
    record MarkConfirmed(String txid, int confirmations, int required) implements SweepCommand {
    }

    /** A reorg took the confirming block away: the transaction is in flight again. */
    record MarkLeftChain(String txid) implements SweepCommand {
    }

    /** Another transaction spending the sweep's coins is confirmed {@code confirmations} deep. */
    record FailConflicted(String conflictTxid, int confirmations, int required) implements SweepCommand {
    }
}
