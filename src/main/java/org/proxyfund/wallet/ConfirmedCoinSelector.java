package org.proxyfund.wallet;

import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionConfidence;
import org.bitcoinj.wallet.DefaultCoinSelector;

/**
 * Selects only coins whose transaction is in the best chain at least {@code minDepth} blocks deep, in bitcoinj's
 * default order (most coin-age first). Unlike bitcoinj's default selector it never takes unconfirmed change of the
 * wallet's own pending transactions, nor a coin a shallow reorg could take away: a payout that spends such a coin can
 * be left with an input that no longer exists, and then nothing proves it can never confirm (see docs/payouts.md).
 */
final class ConfirmedCoinSelector extends DefaultCoinSelector {

    private final int minDepth;

    ConfirmedCoinSelector(int minDepth) {
        if (minDepth < 1) {
            throw new IllegalArgumentException("coins must be confirmed at least once, not " + minDepth);
        }
        this.minDepth = minDepth;
    }

    @Override
    protected boolean shouldSelect(Transaction tx) {
        return tx != null && selectable(tx, minDepth);
    }

    /** Whether {@code tx} is in the best chain at least {@code minDepth} deep. */
    static boolean selectable(Transaction tx, int minDepth) {
        TransactionConfidence confidence = tx.getConfidence();
        return confidence.getConfidenceType() == TransactionConfidence.ConfidenceType.BUILDING
                && confidence.getDepthInBlocks() >= minDepth;
    }
}
