package org.proxyfund.ledger;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;

/**
 * The public accounts: what came in, what went out, what is held and owed, in satoshis.
 * Wallet balances are null while the wallet is not running; runway is null until settlements exist.
 */
public record Transparency(long totalReceivedSats, long paidToOperatorsSats, long minerFeesSats,
                           @Schema(nullable = true) Long balanceConfirmedSats, @Schema(nullable = true) Long balanceUnconfirmedSats, long owedToOperatorsSats,
                           @Schema(nullable = true) Long runwayEpochs, List<Payout> payouts) {

    /** One payout transaction as the public sees it. */
    public record Payout(String txid, @Schema(nullable = true) Integer blockHeight, long amountSats, @Schema(nullable = true) String explorerUrl) {
    }
}
