package org.proxyfund.wallet;

import java.util.concurrent.locks.ReentrantLock;

/** Test access to stopping and starting the wallet, as a crashed and restarted service would. */
public final class WalletRestart {

    private WalletRestart() {
    }

    /** Stops the wallet (peers closed, file saved) and opens it again from its file; it then resyncs from peers. */
    public static void restart(WalletService wallet) {
        wallet.stop();
        wallet.start();
    }

    /** How often the wallet was started in this JVM (a recovery without restart leaves it unchanged). */
    public static int starts(WalletService wallet) {
        return wallet.starts();
    }

    /** bitcoinj's own estimate of the peers' height (reorgs push it ahead of the real chain). */
    public static int bitcoinjPeerHeightEstimate(WalletService wallet) {
        return wallet.bitcoinjPeerHeightEstimate();
    }

    /** Whether the calling thread still holds bitcoinj's wallet lock (it never should between calls). */
    public static boolean lockHeldByCaller(WalletService wallet) {
        try {
            java.lang.reflect.Field f = org.bitcoinj.wallet.Wallet.class.getDeclaredField("lock");
            f.setAccessible(true);
            return ((ReentrantLock) f.get(wallet.bitcoinjWallet())).isHeldByCurrentThread();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
