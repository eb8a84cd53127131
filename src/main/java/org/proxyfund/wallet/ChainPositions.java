package org.proxyfund.wallet;

import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.core.StoredBlock;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionConfidence;
import org.bitcoinj.store.BlockStore;
import org.bitcoinj.store.BlockStoreException;
import org.bitcoinj.wallet.Wallet;

import java.util.Map;
import java.util.Optional;

/** Reads a wallet transaction's block (height, hash, time) from its confidence and the SPV header store. */
final class ChainPositions {

    private ChainPositions() {
    }

    static Optional<ChainPosition> of(Wallet wallet, BlockStore store, String txid) {
        Transaction tx = wallet.getTransaction(Sha256Hash.wrap(txid));
        if (tx == null || tx.getConfidence().getConfidenceType() != TransactionConfidence.ConfidenceType.BUILDING) {
            return Optional.empty();
        }
        TransactionConfidence c = tx.getConfidence();
        int height = c.getAppearedAtChainHeight();
        Map<Sha256Hash, Integer> blocks = tx.getAppearsInHashes();
        if (blocks != null) {
            // a transaction reorged into another block appears in both; the best chain's is the one at its height
            for (Sha256Hash hash : blocks.keySet()) {
                StoredBlock b = stored(store, hash);
                if (b != null && b.getHeight() == height) {
                    return Optional.of(new ChainPosition(height, hash.toString(), b.getHeader().time(), c.getDepthInBlocks()));
                }
            }
        }
        return Optional.of(new ChainPosition(height, null, tx.updateTime().orElse(null), c.getDepthInBlocks()));
    }

    private static StoredBlock stored(BlockStore store, Sha256Hash hash) {
        try {
            return store.get(hash);
        } catch (BlockStoreException e) {
            return null;
        }
    }
}
