package org.proxyfund.payout;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.proxyfund.settlement.EpochCalendar;
import org.proxyfund.settlement.Settlement;
import org.proxyfund.settlement.SettlementService;

import java.time.Instant;
import java.util.List;

/**
 * The payout trigger: settle every finished epoch, then propose one batch set for the latest, keyed by its epoch.
 * Fired by cron on every replica that enables it, by the HTTP trigger (a Kubernetes CronJob) and by admins; firing
 * it twice yields one batch set (settlement and proposals are serialized by advisory locks and keyed).
 */
@ApplicationScoped
public class PayoutTrigger {

    private static final Logger LOG = Logger.getLogger(PayoutTrigger.class);

    @Inject
    SettlementService settlements;
    @Inject
    PayoutService payouts;
    @Inject
    PayoutConfig config;

    /** Settles due epochs and proposes the payouts they made due; returns the proposal (created or found). */
    public PayoutOutcome run(Instant now) {
        return run(now, settlements.calendar());
    }

    /** As {@link #run(Instant)} on {@code calendar} (the configured one, or another after a change of calendar). */
    public PayoutOutcome run(Instant now, EpochCalendar calendar) {
        List<Settlement> settled = settlements.settleDue(now, calendar);
        String key = "epoch:" + settled.getLast().epochKey();
        PayoutOutcome outcome = payouts.propose(key);
        LOG.infof("payout trigger: %d settlement(s) up to %s; proposal %s", settled.size(), settled.getLast().epochKey(),
                describe(outcome));
        return outcome;
    }

    @Scheduled(cron = "${proxyfund.payout.cron}", timeZone = "UTC", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.schedulerEnabled()) {
            run(Instant.now());
        }
    }

    /** One line for logs and the JSON answer. */
    static String describe(PayoutOutcome outcome) {
        return switch (outcome) {
            case PayoutOutcome.Proposed p -> (p.created() ? "created " : "found ") + p.batches().size() + " batch(es) "
                    + p.batches().stream().map(PayoutBatchView::id).toList() + " for " + p.proposalKey();
            case PayoutOutcome.NothingToPay n -> "nothing to pay for " + n.proposalKey();
            default -> outcome.toString();
        };
    }
}
