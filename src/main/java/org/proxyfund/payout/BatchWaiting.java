package org.proxyfund.payout;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.wallet.WalletService;
import org.proxyfund.wallet.WalletState;

import java.util.Optional;

/**
 * Why a batch that should move on does not, for its admin page: first what stops all payout work now (the wallet
 * off, no node, the wallet catching up, a node that announced a block and does not deliver it), then what the
 * sending loop noted on the batch, then, for a batch in flight, the confirmations it still lacks.
 */
@ApplicationScoped
class BatchWaiting {

    @Inject
    WalletService wallet;
    @Inject
    PayoutRepository repository;
    @Inject
    PayoutQueries queries;
    @Inject
    PayoutConfig config;

    /** Empty for a batch that waits on nobody but the admins (PROPOSED) or is closed. */
    Optional<BatchWait> of(PayoutBatchView b) {
        if (b.state() != BatchState.APPROVED && b.state() != BatchState.SIGNED && b.state() != BatchState.BROADCAST) {
            return Optional.empty();
        }
        Optional<BatchWait> now = fromWallet(wallet.state());
        if (now.isPresent()) {
            return now;
        }
        Optional<BatchWait> noted = repository.waiting(b.id());
        if (noted.isPresent() || b.state() != BatchState.BROADCAST) {
            return noted;
        }
        int depth = 0;
        for (PayoutTx tx : queries.transactions(b.id())) {
            depth = Math.max(depth, wallet.confirmations(tx.txid()));
        }
        return Optional.of(BatchWait.of(BatchWait.Why.CONFIRMATIONS, depth, config.confirmations()));
    }

    /** What in the wallet's state stops payout work (the worker skips its passes then), if anything. */
    static Optional<BatchWait> fromWallet(WalletState s) {
        if (!s.running()) {
            return Optional.of(BatchWait.of(BatchWait.Why.WALLET_OFF));
        }
        return switch (s.sync()) {
            case SYNCED -> Optional.empty();
            case NOT_RUNNING -> Optional.of(BatchWait.of(BatchWait.Why.WALLET_OFF));
            case NO_PEER -> Optional.of(BatchWait.of(BatchWait.Why.NO_PEER));
            case CATCHING_UP -> Optional.of(BatchWait.of(BatchWait.Why.CATCHING_UP, s.chainHeight(), s.bestPeerHeight()));
            case BLOCK_MISSING -> Optional.of(BatchWait.of(BatchWait.Why.BLOCK_MISSING, s.chainHeight(), s.bestPeerHeight()));
        };
    }
}
