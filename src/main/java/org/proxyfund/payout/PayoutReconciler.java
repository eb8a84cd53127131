package org.proxyfund.payout;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.proxyfund.wallet.TxStatus;
import org.proxyfund.wallet.WalletService;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Brings every batch that may have reached the network to its true state, at startup and on schedule: SIGNED
 * batches are rebroadcast from their stored bytes, BROADCAST ones tracked, and a recently CONFIRMED one whose
 * confirming transaction a reorg took out of the chain goes back to BROADCAST (its booking reversed) and that
 * transaction's stored bytes are sent again: the same transaction, so it can pay only once.
 */
@ApplicationScoped
public class PayoutReconciler {

    private static final Logger LOG = Logger.getLogger(PayoutReconciler.class);

    @Inject
    PayoutSender sender;
    @Inject
    PayoutTracker tracker;
    @Inject
    PayoutQueries queries;
    @Inject
    WalletService wallet;
    @Inject
    PayoutConfig config;
    @Inject
    PayoutService payouts;
    @Inject
    PayoutFault fault;

    /** One full pass; returns how many batches it found in flight. */
    public int reconcile() {
        return reconcile(Instant.now());
    }

    /** As {@link #reconcile()}, with the clock given. */
    public int reconcile(Instant now) {
        watchConfirmed(now);
        List<Long> signed = queries.idsIn(BatchState.SIGNED);
        for (long id : signed) {
            sender.broadcastStored(id);
        }
        int inFlight = signed.size() + queries.idsIn(BatchState.BROADCAST).size();
        tracker.track(now);
        return inFlight;
    }

    /**
     * CONFIRMED batches of the last {@code watch-confirmed-for} whose confirming transaction is no longer in the
     * wallet's best chain: pending again (its block was taken away and nothing spent its coins) or in conflict. Only
     * on a synced wallet: a wallet still catching up may not have seen the block yet. A transaction mined again in
     * the new branch is still in the chain and the batch stays CONFIRMED.
     */
    private void watchConfirmed(Instant now) {
        if (!wallet.state().synced()) {
            return;
        }
        for (PayoutBatchView batch : queries.inStates(List.of(BatchState.CONFIRMED), 1_000)) {
            if (batch.closedAt() == null || Duration.between(batch.closedAt(), now).compareTo(config.watchConfirmedFor()) > 0) {
                continue;
            }
            TxStatus status = wallet.txStatus(batch.confirmedTxid());
            if (status instanceof TxStatus.Pending || status instanceof TxStatus.Conflicted) {
                leftChain(batch, status, now);
            }
        }
    }

    private void leftChain(PayoutBatchView batch, TxStatus status, Instant now) {
        String txid = batch.confirmedTxid();
        LOG.errorf("batch %d: its confirmed transaction %s left the chain (reorg, now %s); back to BROADCAST, its booking"
                + " reversed", batch.id(), txid, status);
        PayoutOutcome outcome = payouts.markLeftChain(batch.id(), txid);
        if (!(outcome instanceof PayoutOutcome.Done)) {
            LOG.warnf("batch %d: not moved back (%s)", batch.id(), outcome);
            return;
        }
        fault.at(PayoutFault.Step.AFTER_LEFT_CHAIN_BEFORE_REBROADCAST);
        if (status instanceof TxStatus.Conflicted c && c.dead()) {
            return; // a conflicting spend is in the chain: the tracker fails the batch once it is deep enough
        }
        try {
            queries.transactions(batch.id()).stream().filter(t -> t.txid().equals(txid)).findFirst()
                    .ifPresent(t -> tracker.broadcast(t.txid(), t.raw(), now));
        } catch (RuntimeException e) {
            LOG.errorf(e, "batch %d: rebroadcast after the reorg failed; the tracker sends it again", batch.id());
        }
    }
}
