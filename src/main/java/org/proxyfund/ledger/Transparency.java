package org.proxyfund.ledger;

import java.util.List;

/**
 * The public accounts: what came in, what went out, what is held and owed, in satoshis.
 * Wallet balances are null while the wallet is not running; runway is null until settlements exist.
 */
public record Transparency(long totalReceivedSats, long paidToOperatorsSats, long minerFeesSats,
                           Long balanceConfirmedSats, Long balanceUnconfirmedSats, long owedToOperatorsSats,
                           Long runwayEpochs, List<Payout> payouts) {

    /** One payout transaction as the public sees it. */
    public record Payout(String txid, Integer blockHeight, long amountSats, String explorerUrl) {
    }
}
