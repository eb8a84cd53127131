package org.proxyfund.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.donation.DonationConfig;
import org.proxyfund.wallet.BitcoinConfig;
import org.proxyfund.wallet.WalletBalance;
import org.proxyfund.wallet.WalletService;

import java.util.List;
import java.util.Map;

/** Computes the public accounts from the ledger and the wallet. */
@ApplicationScoped
public class TransparencyService {

    @Inject
    LedgerService ledger;
    @Inject
    WalletService wallet;
    @Inject
    DonationConfig donations;
    @Inject
    BitcoinConfig bitcoin;
    @Inject
    ExplorerConfig explorer;

    public Transparency current() {
        Map<String, Long> balances = ledger.balances();
        long owed = 0;
        for (Map.Entry<String, Long> e : balances.entrySet()) {
            if (e.getKey().startsWith(LedgerService.OPERATOR_PAYABLE_PREFIX)) {
                owed -= e.getValue();
            }
        }
        WalletBalance wb = wallet.running() ? wallet.balance(donations.confirmationsOn(bitcoin.network())) : null;
        // Payouts and settlements arrive with the payout issue; until then nothing is paid and runway is unknown.
        List<Transparency.Payout> payouts = List.of();
        return new Transparency(-balances.getOrDefault(LedgerService.DONATIONS, 0L), 0L,
                balances.getOrDefault(LedgerService.MINER_FEES, 0L),
                wb == null ? null : wb.confirmedSats(), wb == null ? null : wb.unconfirmedSats(), owed, null, payouts);
    }

    /** The explorer link for a transaction id. */
    public String txUrl(String txid) {
        return explorer.txUrl().replace("{txid}", txid);
    }
}
