package org.proxyfund.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.donation.DonationConfig;
import org.proxyfund.donation.DonationQueries;
import org.proxyfund.ledger.LedgerAccount;
import org.proxyfund.ledger.LedgerQueries;
import org.proxyfund.ledger.LedgerService;
import org.proxyfund.payout.BatchState;
import org.proxyfund.payout.PaidBatch;
import org.proxyfund.payout.PayoutBatchView;
import org.proxyfund.payout.PayoutQueries;
import org.proxyfund.settlement.Settlement;
import org.proxyfund.settlement.SettlementQueries;
import org.proxyfund.wallet.BitcoinConfig;
import org.proxyfund.wallet.ChainPosition;
import org.proxyfund.wallet.Explorer;
import org.proxyfund.treasury.SweepQueries;
import org.proxyfund.treasury.SweepRow;
import org.proxyfund.treasury.SweepState;
import org.proxyfund.wallet.WalletBalance;
import org.proxyfund.wallet.WalletService;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Computes the public accounts: received from the confirmed donation payments, paid and fees from the confirmed
 * payout batches, balances from the wallet and the ledger, runway from recent settlements; every payout with its
 * block and an explorer link of the configured network.
 */
@ApplicationScoped
public class TransparencyService {

    /** Settlements the runway's spending rate is taken from. */
    static final int RUNWAY_SETTLEMENTS = 8;
    /** Payout transactions listed (totals count all of them). */
    static final int LISTED = 500;

    @Inject
    LedgerService ledger;
    @Inject
    LedgerQueries books;
    @Inject
    DonationQueries donations;
    @Inject
    PayoutQueries payouts;
    @Inject
    SettlementQueries settlements;
    @Inject
    WalletService wallet;
    @Inject
    DonationConfig donationConfig;
    @Inject
    BitcoinConfig bitcoin;
    @Inject
    Explorer explorer;
    @Inject
    SweepQueries sweepRows;
    @Inject
    org.proxyfund.treasury.RefillService refillRows;

    public Transparency current() {
        Map<String, Long> balances = ledger.balances();
        long owed = 0;
        for (Map.Entry<String, Long> e : balances.entrySet()) {
            if (new LedgerAccount(e.getKey()).isOperatorPayable()) {
                owed -= e.getValue();
            }
        }
        long ledgerWallet = balances.getOrDefault(LedgerService.WALLET, 0L);
        long cold = balances.getOrDefault(LedgerService.COLD_STORAGE, 0L);
        DonationQueries.Totals received = donations.confirmed();
        LedgerQueries.KindTotals donationEntries = books.kindTotals().get("DONATION_CONFIRMED");
        List<PaidBatch> paid = payouts.paid(Integer.MAX_VALUE);
        long paidSats = paid.stream().mapToLong(PaidBatch::totalSats).sum();
        long fees = paid.stream().mapToLong(PaidBatch::feeSats).sum();
        WalletBalance wb = wallet.running() ? wallet.balance(donationConfig.confirmationsOn(bitcoin.network())) : null;

        List<Settlement> recent = settlements.list(RUNWAY_SETTLEMENTS);
        long distributed = recent.stream().mapToLong(Settlement::distributedSats).sum();
        long seconds = recent.stream().mapToLong(s -> Duration.between(s.epochStart(), s.epochEnd()).getSeconds()).sum();
        Long perDay = recent.isEmpty() || seconds == 0 ? null : Math.multiplyExact(distributed, 86_400L) / seconds;
        long spendable = (wb == null ? ledgerWallet : wb.confirmedSats()) + cold - owed;
        Long runway = perDay == null || perDay == 0 ? null : Math.max(0, spendable) / perDay;

        List<Transparency.Payout> list = new ArrayList<>();
        for (PayoutBatchView b : payouts.inStates(List.of(BatchState.SIGNED, BatchState.BROADCAST), LISTED)) {
            list.add(payout(b.id(), "IN_FLIGHT", b.txid(), b.totalSats(), null, b.lineCount()));
        }
        paid.stream().limit(LISTED).forEach(p -> list.add(payout(p.batchId(), "CONFIRMED", p.txid(), p.totalSats(),
                p.feeSats(), p.lineCount())));
        return new Transparency(received.confirmedSats(), received.confirmedCount(),
                donationEntries == null ? 0 : donationEntries.reversedWalletSats(),
                donationEntries == null ? 0 : donationEntries.reversed(), paidSats, paid.size(), fees,
                wb == null ? null : wb.confirmedSats(), wb == null ? null : wb.unconfirmedSats(), ledgerWallet, cold, owed,
                perDay, runway, recent.size(), bitcoin.network().name().toLowerCase(Locale.ROOT), list, sweeps(), refills());
    }

    /** The refills from cold storage, newest first. */
    private List<Transparency.Refill> refills() {
        return refillRows.newest(LISTED).stream().map(r -> new Transparency.Refill(r.booked() ? "CONFIRMED" : "IN_FLIGHT",
                r.txid(), r.vout(), r.address(), r.sats(), explorer.txUrl(r.txid()))).toList();
    }

    /** The sweeps to cold storage, newest first, failed ones left out. */
    private List<Transparency.Sweep> sweeps() {
        List<Transparency.Sweep> out = new ArrayList<>();
        for (SweepRow row : sweepRows.newest(LISTED)) {
            org.proxyfund.treasury.Sweep s = row.sweep();
            if (s.state() == SweepState.FAILED) {
                continue;
            }
            Optional<ChainPosition> at = wallet.running() ? wallet.chainPosition(s.txid()) : Optional.empty();
            out.add(new Transparency.Sweep(s.state() == SweepState.CONFIRMED ? "CONFIRMED" : "IN_FLIGHT", s.txid(),
                    row.coldAddress(), s.sweptSats(), s.feeSats(), at.map(ChainPosition::height).orElse(null),
                    at.map(ChainPosition::confirmations).orElse(null), explorer.txUrl(s.txid()),
                    explorer.addressUrl(row.coldAddress())));
        }
        return out;
    }

    private Transparency.Payout payout(long batchId, String state, String txid, long amount, Long fee, int outputs) {
        Optional<ChainPosition> at = wallet.running() ? wallet.chainPosition(txid) : Optional.empty();
        return new Transparency.Payout(batchId, state, txid, amount, fee, outputs,
                at.map(ChainPosition::height).orElse(null), at.map(ChainPosition::blockHash).orElse(null),
                at.map(ChainPosition::blockTime).orElse(null), at.map(ChainPosition::confirmations).orElse(null),
                explorer.txUrl(txid));
    }
}
