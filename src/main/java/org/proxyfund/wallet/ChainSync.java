package org.proxyfund.wallet;

import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.core.Block;
import org.bitcoinj.core.HeadersMessage;
import org.bitcoinj.core.InventoryItem;
import org.bitcoinj.core.InventoryMessage;
import org.bitcoinj.core.NotFoundMessage;
import org.bitcoinj.core.Peer;
import org.bitcoinj.core.PeerGroup;
import org.bitcoinj.core.StoredBlock;
import org.bitcoinj.store.BlockStore;
import org.bitcoinj.store.BlockStoreException;
import org.bitcoinj.utils.Threading;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether the wallet follows the chain its download peer has, judged from facts instead of bitcoinj's estimate of
 * the peer's height. bitcoinj's {@code Peer.getBestHeight} is the height the peer stated when it connected plus one
 * for every block it announced since: a reorg announces blocks that replace others without growing the chain, so after
 * two 1-block reorgs (two announced, one more block each time) or one 6-block reorg (seven announced, one more) the
 * estimate stays ahead of the real chain for as long as the connection lives, and a wallet judged by it is never
 * synced again. The facts used here: the height the peer stated at connect (a catch-up target), and the last block it
 * announced since (by {@code inv}, or {@code headers}); the wallet is synced once it has at least that height and that
 * block is in its block store (on the best chain or, after a reorg it lost, on a side chain). A block announced but not
 * yet downloaded counts as lag only after {@link #GRACE}: downloading a new block takes a moment, and readiness should
 * not flap at every block.
 */
final class ChainSync {

    /** How long an announced block may take to arrive before the wallet counts as behind. */
    static final Duration GRACE = Duration.ofSeconds(30);

    /** What the sync judgement found; {@code peerHeight} is the download peer's height as far as it is known. */
    record Judgement(WalletState.Sync status, int peerHeight) {
    }

    /** The last block a peer announced and when. */
    private record Announced(Sha256Hash hash, Instant at) {
    }

    private final Map<Peer, Announced> announced = new ConcurrentHashMap<>();
    private final Clock clock;

    ChainSync(Clock clock) {
        this.clock = clock;
    }

    /** Listens to every peer's block announcements (before bitcoinj handles them; nothing is changed or dropped). */
    void attach(PeerGroup peers) {
        peers.addPreMessageReceivedEventListener(Threading.SAME_THREAD, (peer, message) -> {
            Sha256Hash last = lastBlock(message);
            if (last != null) {
                announced.put(peer, new Announced(last, clock.instant()));
            }
            return message;
        });
        peers.addDisconnectedEventListener(Threading.SAME_THREAD, (peer, count) -> announced.remove(peer));
    }

    private static Sha256Hash lastBlock(Object message) {
        if (message instanceof InventoryMessage inv && !(message instanceof NotFoundMessage)) {
            List<InventoryItem> items = inv.getItems();
            for (int i = items.size() - 1; i >= 0; i--) {
                InventoryItem item = items.get(i);
                if (item.type == InventoryItem.Type.BLOCK || item.type == InventoryItem.Type.WITNESS_BLOCK) {
                    return item.hash;
                }
            }
        } else if (message instanceof HeadersMessage headers && !headers.getBlockHeaders().isEmpty()) {
            List<Block> list = headers.getBlockHeaders();
            return list.get(list.size() - 1).getHash();
        }
        return null;
    }

    /** Judges the wallet's chain ({@code store}, best height {@code chainHeight}) against {@code downloadPeer}. */
    Judgement judge(Peer downloadPeer, BlockStore store, int chainHeight) {
        if (downloadPeer == null || downloadPeer.getPeerVersionMessage() == null) {
            return new Judgement(WalletState.Sync.NO_PEER, 0);
        }
        int stated = (int) Math.min(Integer.MAX_VALUE, downloadPeer.getPeerVersionMessage().bestHeight);
        if (chainHeight < stated) {
            return new Judgement(WalletState.Sync.CATCHING_UP, stated);
        }
        Announced last = announced.get(downloadPeer);
        if (last == null) {
            return new Judgement(WalletState.Sync.SYNCED, Math.max(stated, chainHeight));
        }
        StoredBlock have = stored(store, last.hash());
        if (have != null) {
            return new Judgement(WalletState.Sync.SYNCED, Math.max(stated, have.getHeight()));
        }
        boolean late = Duration.between(last.at(), clock.instant()).compareTo(GRACE) > 0;
        return new Judgement(late ? WalletState.Sync.BLOCK_MISSING : WalletState.Sync.SYNCED, Math.max(stated, chainHeight + 1));
    }

    private static StoredBlock stored(BlockStore store, Sha256Hash hash) {
        try {
            return store.get(hash);
        } catch (BlockStoreException e) {
            return null; // the store is closing: the wallet is stopping anyway
        }
    }
}
