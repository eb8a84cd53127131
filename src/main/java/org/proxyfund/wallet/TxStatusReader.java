package org.proxyfund.wallet;

import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionConfidence;
import org.bitcoinj.core.TransactionInput;
import org.bitcoinj.core.TransactionOutPoint;
import org.bitcoinj.wallet.Wallet;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads a transaction's {@link TxStatus} from bitcoinj's confidence, finding the conflicting spend if any. */
final class TxStatusReader {

    private TxStatusReader() {
    }

    static TxStatus status(Wallet wallet, String txid) {
        Transaction tx = wallet.getTransaction(Sha256Hash.wrap(txid));
        if (tx == null) {
            return new TxStatus.Unknown();
        }
        TransactionConfidence confidence = tx.getConfidence();
        return switch (confidence.getConfidenceType()) {
            case BUILDING -> new TxStatus.Confirmed(confidence.getDepthInBlocks());
            case DEAD, IN_CONFLICT -> conflicted(wallet, tx, confidence);
            case PENDING, UNKNOWN -> new TxStatus.Pending();
        };
    }

    private static TxStatus conflicted(Wallet wallet, Transaction tx, TransactionConfidence confidence) {
        boolean dead = confidence.getConfidenceType() == TransactionConfidence.ConfidenceType.DEAD;
        // bitcoinj names the overriding transaction only for DEAD, and throws when asked for it otherwise
        // (an IN_CONFLICT pair: e.g. a batch's original and its fee-bump replacement, both pending).
        Sha256Hash overriding = dead ? confidence.getOverridingTxId() : null;
        Transaction other = overriding == null ? null : wallet.getTransaction(overriding);
        if (other == null) {
            other = deepestConflict(wallet, tx);
        }
        if (other == null) {
            return new TxStatus.Conflicted(dead, Optional.ofNullable(overriding).map(Sha256Hash::toString), -1);
        }
        int depth = switch (other.getConfidence().getConfidenceType()) {
            case BUILDING -> other.getConfidence().getDepthInBlocks();
            case PENDING, IN_CONFLICT, UNKNOWN -> 0;
            case DEAD -> -1;
        };
        return new TxStatus.Conflicted(dead, Optional.of(other.getTxId().toString()), depth);
    }

    /** bitcoinj names the overriding transaction only for DEAD; for IN_CONFLICT look for another spend of our inputs. */
    private static Transaction deepestConflict(Wallet wallet, Transaction tx) {
        Set<TransactionOutPoint> ours = tx.getInputs().stream().map(TransactionInput::getOutpoint).collect(Collectors.toSet());
        Transaction best = null;
        for (Transaction candidate : wallet.getTransactions(true)) {
            if (candidate.getTxId().equals(tx.getTxId())
                    || candidate.getInputs().stream().noneMatch(in -> ours.contains(in.getOutpoint()))) {
                continue;
            }
            if (best == null || WalletViews.depth(candidate) > WalletViews.depth(best)) {
                best = candidate;
            }
        }
        return best;
    }
}
