package org.proxyfund.audit;

import org.proxyfund.ledger.LedgerService;
import org.proxyfund.ledger.LedgerQueries;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.proxyfund.donation.DonationConfig;
import org.proxyfund.donation.DonationQueries;
import org.proxyfund.wallet.BitcoinConfig;
import org.proxyfund.wallet.WalletService;

import org.proxyfund.payout.BatchState;
import org.proxyfund.payout.PaidBatch;
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
    @Inject
    DonationQueries donationPayments;
    @Inject
    LedgerQueries books;

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
        java.util.Map<String, LedgerQueries.KindTotals> kinds = books.kindTotals();
        long donationsBooked = standing(kinds, "DONATION_CONFIRMED");
        // a payout entry credits the wallet by outputs + fee; the fee part is booked to miner_fees
        long payoutsBooked = -standing(kinds, "PAYOUT_CONFIRMED");
        long paid = 0;
        for (PaidBatch b : payouts.paid(Integer.MAX_VALUE)) {
            paid += b.totalSats() + b.feeSats();
        }
        LedgerCheck check = new LedgerCheck(Instant.now(), total, walletAccount, confirmed, inFlight,
                donationPayments.confirmed().confirmedSats(), donationsBooked, paid, payoutsBooked);
        if (!check.ok()) {
            LOG.errorf("LEDGER MISMATCH: ledger total %d sats, wallet account %d sats, wallet confirmed %s sats, payouts in flight %d sats,"
                            + " donations confirmed %d / booked %d sats, payouts with fees paid %d / booked %d sats",
                    total, walletAccount, confirmed, inFlight, check.donationsConfirmedSats(), donationsBooked, paid, payoutsBooked);
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

    private static long standing(java.util.Map<String, LedgerQueries.KindTotals> kinds, String kind) {
        LedgerQueries.KindTotals t = kinds.get(kind);
        return t == null ? 0 : t.standingWalletSats();
    }

    /** The latest result, or a fresh one. */
    public LedgerCheck last() {
        LedgerCheck l = last;
        return l != null ? l : run();
    }
}
