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

/**
 * Checks the ledger's invariants at start, every minute and on demand; a mismatch raises a metric, never a correction.
 * The wallet is compared with the books only when read at one chain position (synced, the same best block before and
 * after the readings), and a difference is reported once two such readings in a row show one ({@link MismatchVerdict}):
 * after a reorg the books follow the chain one payout-worker pass behind the wallet.
 */
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
    @Inject
    org.proxyfund.treasury.SweepQueries sweeps;

    private volatile LedgerCheck last;
    private final MismatchVerdict verdict = new MismatchVerdict();

    void onStart(@Observes StartupEvent event) {
        Gauge.builder("proxyfund_ledger_mismatch", this, s -> s.mismatchReported() ? 1 : 0)
                .description("1 while the ledger does not sum to zero or its wallet account differs from the wallet")
                .register(metrics);
        run();
    }

    @Scheduled(every = "${proxyfund.ledger.check-every:60s}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** Runs the check now and remembers the result. */
    public synchronized LedgerCheck run() {
        String tipBefore = position();
        long total = ledger.total();
        long walletAccount = ledger.balances().getOrDefault(LedgerService.WALLET, 0L);
        int depth = donations.confirmationsOn(bitcoin.network());
        Long confirmed = null;
        long inFlight = 0;
        if (wallet.running()) {
            confirmed = wallet.balance(depth).confirmedSats();
            inFlight = payoutsInFlight(depth) + sweepsInFlight(depth);
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
        String tipAfter = position();
        // Without a wallet only the sum is checked, and that needs no chain position.
        boolean comparable = confirmed == null || tipBefore != null && tipBefore.equals(tipAfter);
        String figures = String.format("ledger total %d sats, wallet account %d sats, wallet confirmed %s sats, payouts in flight %d sats,"
                        + " donations confirmed %d / booked %d sats, payouts with fees paid %d / booked %d sats",
                total, walletAccount, confirmed, inFlight, check.donationsConfirmedSats(), donationsBooked, paid, payoutsBooked);
        switch (verdict.take(check.sumsToZero(), comparable, check.ok())) {
            case REPORTED -> LOG.errorf("LEDGER MISMATCH: %s", figures);
            case SUSPECTED -> LOG.warnf("The books and the wallet differ (%s); reported as a mismatch if the next check"
                    + " finds a difference again (after a reorg the books follow one payout pass behind the wallet)", figures);
            case DEFERRED -> LOG.debugf("ledger check: the wallet was catching up or moved during the reading; not compared (%s)", figures);
            case OK -> {
            }
        }
        last = check;
        return check;
    }

    /** Whether a mismatch stands reported: the ledger does not sum to zero, or two readings in a row differed. */
    public boolean mismatchReported() {
        return verdict.reported();
    }

    /** The wallet's best block when it is synced, else null (a reading then compares nothing with the wallet). */
    private String position() {
        if (!wallet.running() || !wallet.state().synced()) {
            return null;
        }
        try {
            return wallet.state().chainHeight() + ":" + wallet.bestBlockHash();
        } catch (IllegalStateException stopped) {
            return null;
        }
    }

    /** Swept + fee of sweeps not yet booked (in flight) whose transaction the wallet already counts at {@code depth}. */
    private long sweepsInFlight(int depth) {
        long sats = 0;
        for (org.proxyfund.treasury.Sweep s : sweeps.inFlight()) {
            if (wallet.confirmations(s.txid()) >= depth) {
                sats += s.hotSpentSats();
            }
        }
        return sats;
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
