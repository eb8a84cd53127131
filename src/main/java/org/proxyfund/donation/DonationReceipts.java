package org.proxyfund.donation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.common.csv.CsvWriter;
import org.proxyfund.wallet.BitcoinConfig;
import org.proxyfund.wallet.ChainPosition;
import org.proxyfund.wallet.Explorer;
import org.proxyfund.wallet.WalletService;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Builds donors' receipts from the stored payments and the wallet's view of the chain. */
@ApplicationScoped
public class DonationReceipts {

    @Inject
    DonationService donations;
    @Inject
    DonationQueries queries;
    @Inject
    WalletService wallet;
    @Inject
    Explorer explorer;
    @Inject
    BitcoinConfig bitcoin;

    /** The receipt of a donation, or empty for an unknown id. */
    public Optional<DonationReceipt> of(String donationId) {
        return donations.find(donationId).map(d -> {
            List<DonationReceipt.Payment> payments = queries.payments(d.id).stream().map(p -> {
                Optional<ChainPosition> at = wallet.running() ? wallet.chainPosition(p.txid()) : Optional.empty();
                Instant date = at.map(ChainPosition::blockTime).orElse(p.firstSeenAt());
                return new DonationReceipt.Payment(p.txid(), p.vout(), p.amountSats(), p.status(),
                        at.map(ChainPosition::confirmations).orElse("GONE".equals(p.status()) ? 0 : p.confirmations()),
                        at.map(ChainPosition::height).orElse(null), date, explorer.txUrl(p.txid()));
            }).toList();
            long confirmed = payments.stream().filter(p -> "CONFIRMED".equals(p.status()))
                    .mapToLong(DonationReceipt.Payment::amountSats).sum();
            return new DonationReceipt(d.id, d.address, explorer.addressUrl(d.address), d.message, confirmed,
                    donations.confirmationsRequired(), bitcoin.network().name().toLowerCase(Locale.ROOT), Instant.now(), payments);
        });
    }

    /** The receipt as plain text, for saving. */
    public String text(DonationReceipt r, ReceiptMessages m) {
        StringBuilder s = new StringBuilder();
        s.append(m.title()).append("\n\n");
        s.append(m.donation()).append(": ").append(r.donationId()).append('\n');
        s.append(m.network()).append(": ").append(r.network()).append('\n');
        s.append(m.address()).append(": ").append(r.address()).append('\n');
        s.append(m.total()).append(": ").append(CsvWriter.btc(r.confirmedSats())).append(" BTC (")
                .append(r.confirmedSats()).append(" sat)\n");
        s.append(m.issued()).append(": ").append(r.issuedAt()).append("\n\n");
        for (DonationReceipt.Payment p : r.payments()) {
            s.append("- ").append(CsvWriter.btc(p.amountSats())).append(" BTC (").append(p.amountSats()).append(" sat), ")
                    .append(m.status(p.status())).append('\n');
            s.append("  ").append(m.transaction()).append(": ").append(p.txid()).append(':').append(p.vout()).append('\n');
            s.append("  ").append(m.date()).append(": ").append(p.date() == null ? "-" : p.date().toString()).append('\n');
            s.append("  ").append(m.confirmations()).append(": ").append(p.confirmations()).append('\n');
            if (p.txUrl() != null) {
                s.append("  ").append(p.txUrl()).append('\n');
            }
        }
        return s.toString();
    }
}
