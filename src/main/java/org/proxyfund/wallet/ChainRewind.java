package org.proxyfund.wallet;

import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.core.NetworkParameters;
import org.bitcoinj.core.StoredBlock;
import org.bitcoinj.store.BlockStoreException;
import org.bitcoinj.store.SPVBlockStore;
import org.bitcoinj.wallet.Wallet;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Brings the SPV chain file back to the wallet file after a crash. The chain file is written as each block
 * arrives, the wallet file only by the autosave a moment later: a process killed in between restarts with a chain
 * head ahead of the wallet, and the blocks in between (with payments in them) would never reach the wallet again.
 * Rewinding the chain head to the wallet's last seen block makes the peers send them once more.
 */
final class ChainRewind {

    private static final Logger LOG = Logger.getLogger(ChainRewind.class);

    private ChainRewind() {
    }

    /** Opens the chain store at {@code file} with its head no further than what {@code wallet} has seen. */
    static SPVBlockStore open(NetworkParameters params, Path file, Wallet wallet) throws BlockStoreException, IOException {
        SPVBlockStore store = new SPVBlockStore(params, file.toFile());
        StoredBlock head = store.getChainHead();
        Sha256Hash seen = wallet.getLastBlockSeenHash();
        if (head.getHeight() == 0 || head.getHeader().getHash().equals(seen)) {
            return store;
        }
        StoredBlock at = seen == null ? null : store.get(seen);
        if (at != null && at.getHeight() <= head.getHeight()) {
            LOG.warnf("the chain file is ahead of the wallet (block %d, wallet saw %d, e.g. after a crash): rewinding so"
                    + " the blocks in between reach the wallet again", head.getHeight(), at.getHeight());
            store.setChainHead(at);
            return store;
        }
        if (at != null) {
            return store;
        }
        // The wallet's last block is not among the headers the file keeps: download the chain again from the
        // wallet's birthday, as for a restored wallet; transactions it already has are merged, not doubled.
        LOG.warnf("the wallet's last seen block is not in the chain file (head %d): downloading the chain again from the"
                + " wallet's birthday", head.getHeight());
        store.close();
        Files.deleteIfExists(file);
        return new SPVBlockStore(params, file.toFile());
    }
}
