package org.proxyfund.payout;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.proxyfund.wallet.WalletService;

/**
 * The sending loop: reconcile, send approved batches, track in-flight ones. Runs on the one replica that holds the
 * payout leader lock, so two replicas never sign around the same coins; the others skip.
 */
@ApplicationScoped
public class PayoutWorker {

    private static final Logger LOG = Logger.getLogger(PayoutWorker.class);

    @Inject
    PayoutConfig config;
    @Inject
    WalletService wallet;
    @Inject
    PayoutLeader leader;
    @Inject
    PayoutReconciler reconciler;
    @Inject
    PayoutSender sender;

    @Scheduled(every = "${proxyfund.payout.work-every:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.schedulerEnabled()) {
            pass();
        }
    }

    /**
     * One scheduled pass: skipped (false) while the wallet is off or not synced (it may not have seen the latest
     * blocks yet) or another replica leads; otherwise reconcile, send and track, and true.
     */
    public boolean pass() {
        if (!wallet.running() || !wallet.state().synced() || !leader.lead()) {
            return false;
        }
        try {
            runOnce();
        } catch (PayoutFault.InjectedFault e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("payout work failed; the next run retries", e);
        }
        return true;
    }

    /** Reconcile, send, track: one pass (the scheduled job's body, callable by tests). */
    public void runOnce() {
        reconciler.reconcile();
        if (sender.sendApproved() > 0) {
            reconciler.reconcile();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        leader.release();
    }
}
