package org.proxyfund.wallet;

/**
 * Sync state for readiness, metrics and the payout worker.
 *
 * @param bestPeerHeight the download peer's height as far as facts show it (its stated height at connect, or the
 *        height of the last block it announced); not bitcoinj's running estimate, which reorgs leave too high
 * @param sync why the wallet is or is not synced
 */
public record WalletState(boolean running, int peers, int chainHeight, int bestPeerHeight, Sync sync) {

    /** Where the wallet's chain stands against its download peer's. */
    public enum Sync {
        /** Caught up with the download peer's chain. */
        SYNCED,
        /** The wallet is not running (switched off or stopped). */
        NOT_RUNNING,
        /** No peer connected, or none chosen to download from yet. */
        NO_PEER,
        /** Below the height the download peer stated when it connected: downloading the chain. */
        CATCHING_UP,
        /** A block the peer announced has not reached the wallet within a grace period. */
        BLOCK_MISSING
    }

    /** Whether the wallet follows its peer's chain (running, connected, nothing announced missing). */
    public boolean synced() {
        return running && sync == Sync.SYNCED;
    }
}
