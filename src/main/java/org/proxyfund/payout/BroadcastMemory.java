package org.proxyfund.payout;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When this replica last gave each stored transaction to a node, so a transaction the network may have forgotten is
 * sent again every {@code rebroadcast-every} and not on every pass. One that no node took is not remembered as sent,
 * so the next pass tries again instead of waiting (a node drops the connection of a wallet that just restarted, for
 * one, and a broadcast in that moment finds nobody). In memory: after a restart the batch's stored broadcast time
 * stands in, and a repeat broadcast is harmless (a node that holds the transaction just says so).
 */
final class BroadcastMemory {

    private final Map<String, Instant> lastBroadcast = new ConcurrentHashMap<>();
    /** Transactions whose last broadcast no node took: sent again at the next pass. */
    private final Set<String> notTaken = ConcurrentHashMap.newKeySet();

    /** Called before a broadcast: until a node has it, the transaction counts as not taken. */
    void sending(String txid) {
        lastBroadcast.remove(txid);
        notTaken.add(txid);
    }

    /** Called after a broadcast that a node answered (took it, had it, or refused it). */
    void answered(String txid, Instant at) {
        lastBroadcast.put(txid, at);
        notTaken.remove(txid);
    }

    /**
     * Whether {@code txid} is due to be sent again: never sent by this replica since its last restart (then the stored
     * {@code broadcastAt} counts), no node took it, a reorg came since it was last sent, or {@code every} has passed.
     */
    boolean due(String txid, Instant broadcastAt, Instant reorgedAt, Instant now, Duration every) {
        Instant last = lastBroadcast.containsKey(txid) ? lastBroadcast.get(txid)
                : notTaken.contains(txid) ? null : broadcastAt;
        boolean reorgSince = reorgedAt != null && (last == null || reorgedAt.isAfter(last));
        return reorgSince || last == null || Duration.between(last, now).compareTo(every) >= 0;
    }
}
