package org.proxyfund.wallet;

import org.bitcoinj.base.Coin;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionConfidence;
import org.bitcoinj.core.TransactionOutput;
import org.bitcoinj.wallet.CoinSelection;
import org.bitcoinj.wallet.DefaultCoinSelector;

import java.util.List;
import java.util.Set;

/**
 * Selects only coins whose transaction is in the best chain at least {@code minDepth} blocks deep, in bitcoinj's
 * default order (most coin-age first). Unlike bitcoinj's default selector it never takes unconfirmed change of the
 * wallet's own pending transactions, nor a coin a shallow reorg could take away: a payout that spends such a coin can
 * be left with an input that no longer exists, and then nothing proves it can never confirm (see docs/payouts.md).
 * Never selects a reserved coin (an outpoint "txid:vout" a PSBT on offer spends: promised to the admins' signatures,
 * though the wallet does not know it).
 */
final class ConfirmedCoinSelector extends DefaultCoinSelector {

    private final int minDepth;
    private final Set<String> reserved;

    ConfirmedCoinSelector(int minDepth) {
        this(minDepth, Set.of());
    }

    ConfirmedCoinSelector(int minDepth, Set<String> reserved) {
        if (minDepth < 1) {
            throw new IllegalArgumentException("coins must be confirmed at least once, not " + minDepth);
        }
        this.minDepth = minDepth;
        this.reserved = Set.copyOf(reserved);
    }

    @Override
    public CoinSelection select(Coin target, List<TransactionOutput> candidates) {
        return super.select(target, reserved.isEmpty() ? candidates
                : candidates.stream().filter(o -> !reserved.contains(o.getOutPointFor().toString())).toList());
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
