package org.proxyfund.wallet;

import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.core.GetDataMessage;
import org.bitcoinj.core.InventoryItem;
import org.bitcoinj.core.InventoryMessage;
import org.bitcoinj.core.Message;
import org.bitcoinj.core.Peer;
import org.bitcoinj.core.PeerGroup;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.utils.Threading;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Broadcasts over P2P the way nodes accept: announce the txid with {@code inv}, then serve the
 * transaction when a peer asks with {@code getdata}. (Pushing a transaction unannounced, which plain
 * bitcoinj does, is dropped by some nodes, e.g. bcoin: "Peer sent unrequested tx".)
 */
final class P2pBroadcaster {

    private final PeerGroup peers;
    private final Map<Sha256Hash, Pending> pending = new ConcurrentHashMap<>();

    private record Pending(Transaction tx, CountDownLatch served) {
    }

    P2pBroadcaster(PeerGroup peers) {
        this.peers = peers;
        peers.addGetDataEventListener(Threading.SAME_THREAD, this::serve);
    }

    private List<Message> serve(Peer peer, GetDataMessage request) {
        List<Message> out = new ArrayList<>();
        for (InventoryItem item : request.getItems()) {
            Pending p = pending.get(item.hash);
            boolean tx = item.type == InventoryItem.Type.TRANSACTION || item.type == InventoryItem.Type.WITNESS_TRANSACTION;
            if (p != null && tx) {
                out.add(p.tx);
                p.served.countDown();
            }
        }
        return out;
    }

    /** Announces to every connected peer; true when at least one fetched it within the timeout. */
    boolean broadcast(Transaction tx, Duration timeout) throws InterruptedException {
        Pending p = pending.computeIfAbsent(tx.getTxId(), id -> new Pending(tx, new CountDownLatch(1)));
        try {
            List<Peer> connected = peers.getConnectedPeers();
            for (Peer peer : connected) {
                peer.sendMessage(InventoryMessage.ofTransactions(tx));
            }
            return !connected.isEmpty() && p.served.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            pending.remove(tx.getTxId(), p);
        }
    }

    /**
     * True when a connected peer answers {@code getdata} for {@code txid} with the transaction: it holds it in its
     * memory pool already. A node that has a transaction never fetches it again when it is announced, so after a
     * restart this is how a rebroadcast learns that the network took the transaction before.
     */
    boolean heldByPeer(Sha256Hash txid, Duration timeout) throws InterruptedException {
        for (Peer peer : peers.getConnectedPeers()) {
            try {
                Transaction held = peer.getPeerMempoolTransaction(txid).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (held != null && held.getTxId().equals(txid)) {
                    return true;
                }
            } catch (CancellationException | ExecutionException | TimeoutException e) {
                // notfound (the request is cancelled), a dropped peer or no answer: not held there
            }
        }
        return false;
    }
}
