package org.proxyfund.payout;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.donation.DonationConfig;
import org.proxyfund.donation.DonationReconciler;
import org.proxyfund.donation.DonationService;
import org.proxyfund.wallet.BitcoinConfig;
import org.proxyfund.wallet.WalletService;
import org.proxyfund.wallet.testing.RegtestNode;

import java.time.Duration;

/** Funds the service's wallet through a real donation and keeps it in step with the regtest node. */
@ApplicationScoped
public class PayoutWalletFixture {

    @Inject
    WalletService wallet;
    @Inject
    DonationService donations;
    @Inject
    DonationReconciler donationReconciler;
    @Inject
    DonationConfig donationConfig;
    @Inject
    BitcoinConfig bitcoin;
    @Inject
    PayoutConfig payouts;

    final RegtestNode node = RegtestNode.shared();
    private final java.util.concurrent.atomic.AtomicInteger syncRestarts = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Donates {@code sats} to the wallet in eight payments (eight coins, so several batches can be signed before
     * blocks confirm the change of the first), mines them as deep as payouts want their coins
     * ({@code proxyfund.payout.confirmations}), and waits until the wallet and the ledger have them.
     */
    public void fund(long sats) {
        awaitSynced();
        long before = confirmedBalance();
        long part = sats / 8;
        for (int i = 0; i < 8; i++) {
            if (!(donations.create(null, null) instanceof DonationService.CreateResult.Created created)) {
                throw new IllegalStateException("the wallet is not running");
            }
            node.sendToAddress(created.donation().address, part);
        }
        RegtestNode.await("donations seen", Duration.ofSeconds(30), () -> wallet.balance(0).confirmedSats() >= before + 8 * part);
        node.mine(1);
        RegtestNode.await("donations confirmed", Duration.ofSeconds(30), () -> confirmedBalance() >= before + 8 * part);
        mine(payouts.confirmations() - 1); // payouts spend only coins that deep
        donationReconciler.reconcile();
    }

    /** Mines {@code n} blocks and waits until the wallet has them. */
    public void mine(int n) {
        if (n > 0) {
            node.mine(n);
        }
        awaitSynced();
    }

    /**
     * Waits until the wallet has the node's best block. Should it stay behind for 20 s, the wallet is reopened, as an
     * operator would restart a stalled service, at most twice, and counted: tests that claim the wallet recovers by
     * itself assert {@link #syncRestarts()} stays 0.
     */
    public void awaitSynced() {
        int height = node.blockCount();
        for (int attempt = 0; ; attempt++) {
            try {
                RegtestNode.await("wallet at height " + height, Duration.ofSeconds(20),
                        () -> wallet.running() && wallet.state().synced() && wallet.state().chainHeight() >= height);
                return;
            } catch (AssertionError stalled) {
                if (attempt == 2) {
                    throw stalled;
                }
                System.out.println("wallet stalled, restarting it: " + wallet.state() + ", node at " + node.blockCount());
                syncRestarts.incrementAndGet();
                org.proxyfund.wallet.WalletRestart.restart(wallet);
            }
        }
    }

    /** How often {@link #awaitSynced} had to restart a wallet that did not follow the node by itself. */
    public int syncRestarts() {
        return syncRestarts.get();
    }

    /** The wallet's confirmed balance at the donation depth (what the ledger check compares with). */
    public long confirmedBalance() {
        return wallet.balance(donationConfig.confirmationsOn(bitcoin.network())).confirmedSats();
    }
}
