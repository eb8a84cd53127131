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
 * batches are rebroadcast from their stored bytes, BROADCAST ones tracked, and recently CONFIRMED ones whose
 * transaction a reorg took out of the chain are rebroadcast (the same bytes: they stay CONFIRMED and can pay only
 * once). It never moves a batch backwards; the state machine would refuse it anyway.
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

    /** One full pass; returns how many batches it found in flight. */
    public int reconcile() {
        return reconcile(Instant.now());
    }

    /** As {@link #reconcile()}, with the clock given. */
    public int reconcile(Instant now) {
        List<Long> signed = queries.idsIn(BatchState.SIGNED);
        for (long id : signed) {
            sender.broadcastStored(id);
        }
        int inFlight = signed.size() + queries.idsIn(BatchState.BROADCAST).size();
        tracker.track(now);
        watchConfirmed(now);
        return inFlight;
    }

    private void watchConfirmed(Instant now) {
        for (PayoutBatchView batch : queries.inStates(List.of(BatchState.CONFIRMED), 1_000)) {
            if (batch.closedAt() == null || Duration.between(batch.closedAt(), now).compareTo(config.watchConfirmedFor()) > 0) {
                continue;
            }
            TxStatus status = wallet.txStatus(batch.confirmedTxid());
            if (status instanceof TxStatus.Pending) {
                LOG.errorf("batch %d: its confirmed transaction %s left the chain (reorg); broadcasting the same bytes again",
                        batch.id(), batch.confirmedTxid());
                try {
                    queries.transactions(batch.id()).stream().filter(t -> t.txid().equals(batch.confirmedTxid())).findFirst()
                            .ifPresent(t -> tracker.broadcast(t.txid(), t.raw(), now));
                } catch (PayoutFault.InjectedFault e) {
                    throw e;
                } catch (RuntimeException e) {
                    LOG.errorf(e, "batch %d: rebroadcast after the reorg failed; retried next pass", batch.id());
                }
            }
        }
    }
}
