package org.proxyfund.wallet;

/** Told when anything the wallet sees changes: a payment received, a confirmation, a new block, a reorg. */
@FunctionalInterface
public interface WalletListener {

    /** Called on a wallet thread; implementations hand work off quickly. */
    void walletChanged();
}
