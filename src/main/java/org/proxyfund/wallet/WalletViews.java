package org.proxyfund.wallet;

import org.bitcoinj.base.Address;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionConfidence;
import org.bitcoinj.core.TransactionInput;
import org.bitcoinj.core.TransactionOutput;
import org.bitcoinj.wallet.Wallet;

import java.util.ArrayList;
import java.util.List;

/** Read-only views of the wallet: received outputs, balances, confirmations. */
final class WalletViews {

    private WalletViews() {
    }

    static int depth(Transaction tx) {
        TransactionConfidence c = tx.getConfidence();
        return c.getConfidenceType() == TransactionConfidence.ConfidenceType.BUILDING ? c.getDepthInBlocks() : 0;
    }

    static boolean gone(Transaction tx) {
        TransactionConfidence.ConfidenceType t = tx.getConfidence().getConfidenceType();
        return t == TransactionConfidence.ConfidenceType.DEAD || t == TransactionConfidence.ConfidenceType.IN_CONFLICT;
    }

    static List<ReceivedOutput> received(Wallet wallet) {
        List<ReceivedOutput> out = new ArrayList<>();
        for (Transaction tx : wallet.getTransactions(true)) {
            int height = tx.getConfidence().getConfidenceType() == TransactionConfidence.ConfidenceType.BUILDING
                    ? tx.getConfidence().getAppearedAtChainHeight() : -1;
            for (TransactionOutput o : tx.getOutputs()) {
                if (!o.isMine(wallet)) {
                    continue;
                }
                Address address = o.getScriptPubKey().getToAddress(wallet.network());
                out.add(new ReceivedOutput(tx.getTxId().toString(), o.getIndex(), address.toString(),
                        o.getValue().value, depth(tx), gone(tx), height));
            }
        }
        return out;
    }

    /** Confirmed: own outputs at depth >= minConfirmations not spent by a transaction at that depth. */
    static WalletBalance balance(Wallet wallet, int minConfirmations) {
        long confirmed = 0;
        long unconfirmed = 0;
        for (Transaction tx : wallet.getTransactions(false)) {
            if (gone(tx)) {
                continue;
            }
            boolean deep = depth(tx) >= minConfirmations;
            for (TransactionOutput o : tx.getOutputs()) {
                if (!o.isMine(wallet)) {
                    continue;
                }
                TransactionInput spentBy = o.getSpentBy();
                Transaction spender = spentBy == null ? null : spentBy.getParentTransaction();
                boolean spent = spender != null && !gone(spender) && (!deep || depth(spender) >= minConfirmations);
                if (spent) {
                    continue;
                }
                if (deep) {
                    confirmed += o.getValue().value;
                } else {
                    unconfirmed += o.getValue().value;
                }
            }
        }
        return new WalletBalance(confirmed, unconfirmed);
    }

    /**
     * What the wallet may still spend of its confirmed coins: own outputs of transactions at depth >= minConfirmations
     * that no live transaction (confirmed or in flight) spends. Unlike {@link #balance} this leaves out a coin as soon as
     * a transaction in flight spends it, and counts no unconfirmed change.
     */
    static long spendable(Wallet wallet, int minConfirmations) {
        long sats = 0;
        for (Transaction tx : wallet.getTransactions(false)) {
            if (gone(tx) || depth(tx) < minConfirmations) {
                continue;
            }
            for (TransactionOutput o : tx.getOutputs()) {
                TransactionInput spentBy = o.getSpentBy();
                Transaction spender = spentBy == null ? null : spentBy.getParentTransaction();
                if (o.isMine(wallet) && (spender == null || gone(spender))) {
                    sats += o.getValue().value;
                }
            }
        }
        return sats;
    }

    /** Depth of a wallet transaction: -1 unknown or gone, 0 unconfirmed, else confirmations. */
    static int confirmations(Wallet wallet, String txid) {
        Transaction tx = wallet.getTransaction(Sha256Hash.wrap(txid));
        if (tx == null || gone(tx)) {
            return -1;
        }
        return depth(tx);
    }
}
