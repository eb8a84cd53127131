package org.proxyfund.wallet;

import java.util.Optional;

/** What the wallet knows of a transaction: unknown, pending, confirmed at a depth, or conflicted/dead. */
public sealed interface TxStatus {

    /** The wallet has never seen it (not broadcast through this wallet, or not relevant to it). */
    record Unknown() implements TxStatus {
    }

    /** In the wallet, in no block of the best chain (0 confirmations), not known to be in conflict. */
    record Pending() implements TxStatus {
    }

    /** In the best chain; {@code depth} = number of confirmations (1 = in the tip block). */
    record Confirmed(int depth) implements TxStatus {
    }

    /**
     * Another transaction spends some of the same coins. {@code dead}: the other one is in the best chain, so this
     * one can never confirm (bitcoinj DEAD); otherwise both are unconfirmed (IN_CONFLICT). The other transaction's
     * txid when the wallet knows it, and its depth: 0 unconfirmed, n confirmations, -1 unknown.
     */
    record Conflicted(boolean dead, Optional<String> conflictingTxid, int conflictingDepth) implements TxStatus {
    }
}
