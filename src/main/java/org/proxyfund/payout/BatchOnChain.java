package org.proxyfund.payout;

import org.proxyfund.wallet.TxStatus;

import java.util.List;
import java.util.function.Function;

/**
 * What the wallet says of one in-flight batch's stored transactions (original and replacements), read in the order
 * they were stored and no further than the first confirmed one: whichever confirms completes the batch. Pure: the
 * sending loop ({@link PayoutWorker}) acts on it.
 *
 * @param confirmed   the first of the batch's transactions found in the chain, null if none
 * @param depth       its confirmations (0 when none is confirmed)
 * @param allDead     every transaction read is dead in the wallet (something in the chain spent its coins)
 * @param conflict    the deepest confirmed spend of the batch's coins that is none of its own, null if none
 * @param conflictDepth that spend's confirmations
 * @param newestAlive the newest transaction the wallet does not consider dead, null if none
 */
record BatchOnChain(PayoutTx confirmed, int depth, boolean allDead, String conflict, int conflictDepth,
                    PayoutTx newestAlive) {

    static BatchOnChain read(List<PayoutTx> txs, Function<String, TxStatus> status) {
        boolean allDead = !txs.isEmpty();
        String conflict = null;
        int conflictDepth = 0;
        PayoutTx newestAlive = null;
        for (PayoutTx tx : txs) {
            TxStatus s = status.apply(tx.txid());
            if (!(s instanceof TxStatus.Conflicted gone && gone.dead())) {
                newestAlive = tx;
            }
            if (s instanceof TxStatus.Confirmed c) {
                return new BatchOnChain(tx, c.depth(), false, conflict, conflictDepth, newestAlive);
            }
            if (s instanceof TxStatus.Conflicted k && k.dead() && k.conflictingTxid().isPresent()
                    && txs.stream().noneMatch(t -> t.txid().equals(k.conflictingTxid().get()))) {
                if (conflict == null || k.conflictingDepth() > conflictDepth) {
                    conflict = k.conflictingTxid().get();
                    conflictDepth = k.conflictingDepth();
                }
            } else {
                allDead = false;
            }
        }
        return new BatchOnChain(null, 0, allDead, conflict, conflictDepth, newestAlive);
    }

    /** Lost for good: nothing of the batch can confirm, and the spend that beat it is {@code confirmations} deep. */
    boolean lostTo(int confirmations) {
        return allDead && conflict != null && conflictDepth >= confirmations;
    }
}
