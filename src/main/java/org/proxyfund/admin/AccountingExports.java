package org.proxyfund.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.common.csv.CsvWriter;
import org.proxyfund.donation.DonationPayment;
import org.proxyfund.donation.DonationQueries;
import org.proxyfund.ledger.LedgerQueries;
import org.proxyfund.payout.PaidBatch;
import org.proxyfund.payout.PaidLine;
import org.proxyfund.payout.PayoutQueries;

import java.util.List;

/**
 * The accounting exports as CSV ({@link CsvWriter}): donation payments, payouts (each output and each batch's fee)
 * and the ledger journal (one row per line). Satoshis as integers and BTC as exact decimal strings side by side.
 */
@ApplicationScoped
public class AccountingExports {

    /** Most rows an export holds. */
    static final int MAX_ROWS = 1_000_000;

    @Inject
    DonationQueries donations;
    @Inject
    PayoutQueries payouts;
    @Inject
    LedgerQueries ledger;

    /** Every output paying a donation address, oldest first, with its state and the donor's public message. */
    public String donations() {
        CsvWriter csv = new CsvWriter().row("donation_id", "txid", "vout", "address", "amount_sats", "amount_btc",
                "status", "confirmations", "first_seen_at", "message");
        for (DonationPayment p : donations.all(MAX_ROWS)) {
            csv.row(p.donationId(), p.txid(), p.vout(), p.address(), p.amountSats(), CsvWriter.btc(p.amountSats()),
                    p.status(), p.confirmations(), CsvWriter.time(p.firstSeenAt()), p.message());
        }
        return csv.toString();
    }

    /** Every output of a confirmed payout batch (kind payout), then each batch's miner fee (kind fee). */
    public String payouts() {
        CsvWriter csv = new CsvWriter().row("kind", "batch_id", "txid", "vout", "operator_id", "operator", "address",
                "amount_sats", "amount_btc", "confirmed_at");
        for (PaidLine l : payouts.paidLines(MAX_ROWS)) {
            csv.row("payout", l.batchId(), l.txid(), l.vout(), l.accountId(), l.handle(), l.address(), l.amountSats(),
                    CsvWriter.btc(l.amountSats()), CsvWriter.time(l.confirmedAt()));
        }
        List<PaidBatch> batches = payouts.paid(MAX_ROWS);
        for (PaidBatch b : batches.reversed()) {
            csv.row("fee", b.batchId(), b.txid(), null, null, null, null, b.feeSats(), CsvWriter.btc(b.feeSats()),
                    CsvWriter.time(b.confirmedAt()));
        }
        return csv.toString();
    }

    /** The ledger journal in posting order: one row per line (debits positive, credits negative); lines sum to zero. */
    public String ledger() {
        CsvWriter csv = new CsvWriter().row("entry_id", "created_at", "kind", "reference", "reverses_entry_id",
                "reversed_by_entry_id", "account", "amount_sats", "amount_btc");
        long after = 0;
        int rows = 0;
        for (List<LedgerQueries.Entry> page = ledger.ascending(after, 1000); !page.isEmpty() && rows < MAX_ROWS;
             page = ledger.ascending(after, 1000)) {
            for (LedgerQueries.Entry e : page) {
                for (LedgerQueries.Line l : e.lines()) {
                    csv.row(e.id(), CsvWriter.time(e.createdAt()), e.kind(), e.reference(), e.reversesId(), e.reversedById(),
                            l.account(), l.amountSats(), CsvWriter.btc(l.amountSats()));
                    rows++;
                }
                after = e.id();
            }
        }
        return csv.toString();
    }
}
