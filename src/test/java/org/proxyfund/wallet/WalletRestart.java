package org.proxyfund.wallet;

/** Test access to stopping and starting the wallet, as a crashed and restarted service would. */
public final class WalletRestart {

    private WalletRestart() {
    }

    /** Stops the wallet (peers closed, file saved) and opens it again from its file; it then resyncs from peers. */
    public static void restart(WalletService wallet) {
        wallet.stop();
        wallet.start();
    }
}
