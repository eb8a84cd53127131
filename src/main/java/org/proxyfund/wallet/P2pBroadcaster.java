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
import org.bitcoinj.wallet.Wallet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Broadcasts over P2P the way nodes accept: announce the txid with {@code inv}, then serve the
 * transaction when a peer asks with {@code getdata}. (Pushing a transaction unannounced, which plain
 * bitcoinj does, is dropped by some nodes, e.g. bcoin: "Peer sent unrequested tx".)
 *
 * <p>Each requested transaction is sent once: bitcoinj's peer group already answers {@code getdata} with the
 * wallet's own transactions, so one the wallet holds is left to it. A second copy is "unrequested" to the peer, and
 * bcoin drops the connection for it; every broadcast then cost a reconnect, and broadcasts in the meantime found no
 * peer at all.
 */
final class P2pBroadcaster {

    /** How long a rebroadcast waits for a peer to say whether it holds the transaction already. */
    private static final Duration HELD_CHECK_TIMEOUT = Duration.ofSeconds(2);

    private final PeerGroup peers;
    private final Wallet wallet;
    private final Map<Sha256Hash, Pending> pending = new ConcurrentHashMap<>();

    private record Pending(Transaction tx, CountDownLatch served) {
    }

    /** How a broadcast ended. */
    enum Outcome {
        /** A peer fetched the announced transaction. */
        FETCHED,
        /** A peer already holds it in its memory pool (it would never fetch it again). */
        HELD,
        /** No peer connected, or none fetched it in time. */
        NOT_TAKEN
    }

    P2pBroadcaster(PeerGroup peers, Wallet wallet) {
        this.peers = peers;
        this.wallet = wallet;
        peers.addGetDataEventListener(Threading.SAME_THREAD, this::serve);
    }

    private List<Message> serve(Peer peer, GetDataMessage request) {
        List<Message> out = new ArrayList<>();
        for (InventoryItem item : request.getItems()) {
            Pending p = pending.get(item.hash);
            boolean tx = item.type == InventoryItem.Type.TRANSACTION || item.type == InventoryItem.Type.WITNESS_TRANSACTION;
            if (p != null && tx) {
                if (wallet.getTransaction(item.hash) == null) {
                    out.add(p.tx);
                }
                p.served.countDown();
            }
        }
        return out;
    }

    /**
     * Asks the connected peers for the transaction first (a node that holds it answers at once, and would never
     * fetch it again when announced); otherwise announces it to every connected peer and waits until one fetches it.
     */
    Outcome broadcast(Transaction tx, Duration timeout) throws InterruptedException {
        List<Peer> connected = peers.getConnectedPeers();
        if (connected.isEmpty()) {
            return Outcome.NOT_TAKEN;
        }
        if (heldByPeer(tx.getTxId(), timeout.compareTo(HELD_CHECK_TIMEOUT) < 0 ? timeout : HELD_CHECK_TIMEOUT)) {
            return Outcome.HELD;
        }
        Pending p = pending.computeIfAbsent(tx.getTxId(), id -> new Pending(tx, new CountDownLatch(1)));
        try {
            int announced = 0;
            for (Peer peer : connected) {
                try {
                    peer.sendMessage(InventoryMessage.ofTransactions(tx));
                    announced++;
                } catch (RuntimeException e) {
                    // the connection closed meanwhile (e.g. CancelledKeyException): the other peers may still fetch it
                }
            }
            return announced > 0 && p.served.await(timeout.toMillis(), TimeUnit.MILLISECONDS) ? Outcome.FETCHED : Outcome.NOT_TAKEN;
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
            } catch (ExecutionException | TimeoutException | IllegalStateException e) {
                // notfound (bitcoinj cancels the request: a CancellationException, an IllegalStateException), a
                // connection closed meanwhile (CancelledKeyException, too) or no answer: not held there
            }
        }
        return false;
    }
}
