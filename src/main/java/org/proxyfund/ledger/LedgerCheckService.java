package org.proxyfund.ledger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.proxyfund.donation.DonationConfig;
import org.proxyfund.wallet.BitcoinConfig;
import org.proxyfund.wallet.WalletService;

import org.proxyfund.payout.BatchState;
import org.proxyfund.payout.PayoutBatchView;
import org.proxyfund.payout.PayoutQueries;
import org.proxyfund.payout.PayoutTx;

import java.time.Instant;
import java.util.List;

/** Checks the ledger's invariants at start, every minute and on demand; a mismatch raises a metric, never a correction. */
@ApplicationScoped
public class LedgerCheckService {

    private static final Logger LOG = Logger.getLogger(LedgerCheckService.class);

    @Inject
    LedgerService ledger;
    @Inject
    WalletService wallet;
    @Inject
    DonationConfig donations;
    @Inject
    BitcoinConfig bitcoin;
    @Inject
    MeterRegistry metrics;
    @Inject
    PayoutQueries payouts;

    private volatile LedgerCheck last;

    void onStart(@Observes StartupEvent event) {
        Gauge.builder("proxyfund_ledger_mismatch", this, s -> s.last == null || s.last.ok() ? 0 : 1)
                .description("1 while the ledger does not sum to zero or its wallet account differs from the wallet")
                .register(metrics);
        run();
    }

    @Scheduled(every = "${proxyfund.ledger.check-every:60s}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** Runs the check now and remembers the result. */
    public LedgerCheck run() {
        long total = ledger.total();
        long walletAccount = ledger.balances().getOrDefault(LedgerService.WALLET, 0L);
        int depth = donations.confirmationsOn(bitcoin.network());
        Long confirmed = null;
        long inFlight = 0;
        if (wallet.running()) {
            confirmed = wallet.balance(depth).confirmedSats();
            inFlight = payoutsInFlight(depth);
        }
        LedgerCheck check = new LedgerCheck(Instant.now(), total, walletAccount, confirmed, inFlight);
        if (!check.ok()) {
            LOG.errorf("LEDGER MISMATCH: ledger total %d sats, wallet account %d sats, wallet confirmed %s sats, payouts in flight %d sats",
                    total, walletAccount, confirmed, inFlight);
        }
        last = check;
        return check;
    }

    /** Outputs + fee of unbooked payout batches whose transaction the wallet already counts at {@code depth}. */
    private long payoutsInFlight(int depth) {
        long sats = 0;
        for (PayoutBatchView batch : payouts.inStates(List.of(BatchState.SIGNED, BatchState.BROADCAST), 10_000)) {
            for (PayoutTx tx : payouts.transactions(batch.id())) {
                if (wallet.confirmations(tx.txid()) >= depth) {
                    sats += batch.totalSats() + tx.feeSats();
                    break;
                }
            }
        }
        return sats;
    }

    /** The latest result, or a fresh one. */
    public LedgerCheck last() {
        LedgerCheck l = last;
        return l != null ? l : run();
    }
}
