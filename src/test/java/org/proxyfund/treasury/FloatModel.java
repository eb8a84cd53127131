package org.proxyfund.treasury;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Two wallets (hot and cold), a mempool, blocks that a reorg can take back, and double-entry books, as the float's
 * property tests drive them: every transaction is a set of balance moves applied when it confirms and reversed when a
 * reorg takes its block. Spendable = confirmed minus what transactions in flight already spend.
 */
final class FloatModel {

    /** A transaction: what it takes from each wallet and gives to each, and the ledger lines of its confirmation. */
    record Tx(String txid, Map<String, Long> walletDelta, Map<String, Long> ledgerLines) {
        long spends(String wallet) {
            return Math.max(0, -walletDelta.getOrDefault(wallet, 0L));
        }
    }

    static final String HOT = "hot";
    static final String COLD = "cold";

    final Map<String, Long> confirmed = new HashMap<>(Map.of(HOT, 0L, COLD, 0L));
    final Map<String, Long> ledger = new HashMap<>();
    final List<Tx> mempool = new ArrayList<>();
    final List<List<Tx>> blocks = new ArrayList<>();
    private int counter;

    String nextTxid() {
        return String.format("%064x", ++counter);
    }

    long spendable(String wallet) {
        return confirmed.get(wallet) - mempool.stream().mapToLong(t -> t.spends(wallet)).sum();
    }

    /** Mines every transaction in the mempool into one block; returns them. */
    List<Tx> mine() {
        List<Tx> block = List.copyOf(mempool);
        mempool.clear();
        block.forEach(t -> apply(t, 1));
        blocks.add(block);
        return block;
    }

    /** Takes the newest block away: its transactions go back to the mempool; returns them. */
    List<Tx> reorg() {
        if (blocks.isEmpty()) {
            return List.of();
        }
        List<Tx> block = blocks.removeLast();
        block.forEach(t -> apply(t, -1));
        mempool.addAll(block);
        return block;
    }

    private void apply(Tx t, int sign) {
        t.walletDelta().forEach((w, d) -> confirmed.merge(w, sign * d, Long::sum));
        t.ledgerLines().forEach((a, d) -> ledger.merge(a, sign * d, Long::sum));
    }

    long ledgerTotal() {
        return ledger.values().stream().mapToLong(Long::longValue).sum();
    }
}
