package org.proxyfund.wallet;

/** Sync state for readiness and metrics. */
public record WalletState(boolean running, int peers, int chainHeight, int bestPeerHeight, boolean synced) {
}
