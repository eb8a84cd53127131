package org.proxyfund.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * The public accounts, in satoshis, from the chain as the wallet follows it and the books that record it.
 *
 * @param totalReceivedSats       confirmed donation payments now in the chain ({@code receivedCount} of them)
 * @param reversedSats            confirmed donations a reorg or double-spend took back ({@code reversedCount}), not in
 *                                {@code totalReceivedSats} any more
 * @param paidToOperatorsSats     payout outputs of confirmed batches ({@code payoutCount} transactions)
 * @param minerFeesSats           the fees of those transactions
 * @param balanceConfirmedSats    the wallet's confirmed balance; null while the wallet is not running
 * @param ledgerWalletSats        the books' wallet account (the ledger check compares it with the wallet): with a hot
 *                                float, the hot wallet's balance
 * @param coldStorageSats         the books' cold storage account: what the hot float swept to the cold wallet's
 *                                addresses ({@code sweeps}) less what came back as refills ({@code refills}), each
 *                                checkable on the chain; 0 without a float
 * @param owedToOperatorsSats     settled and not yet paid
 * @param spentPerDaySats         what recent settlements gave operators per day ({@code runwayBasis} settlements);
 *                                null before the first settlement
 * @param runwayDays              days the confirmed balance and cold storage, less what is owed, last at that rate; null when unknown
 *                                (no settlement yet, or nothing spent)
 * @param network                 the Bitcoin network of the figures (mainnet, testnet, signet, regtest)
 */
public record Transparency(long totalReceivedSats, int receivedCount, long reversedSats, int reversedCount,
                           long paidToOperatorsSats, int payoutCount, long minerFeesSats,
                           @Schema(nullable = true) Long balanceConfirmedSats, @Schema(nullable = true) Long balanceUnconfirmedSats,
                           long ledgerWalletSats, long coldStorageSats, long owedToOperatorsSats, @Schema(nullable = true) Long spentPerDaySats,
                           @Schema(nullable = true) Long runwayDays, int runwayBasis,
                           String network, List<Payout> payouts, List<Sweep> sweeps,
                           List<Refill> refills) {

    /**
     * One refill of the hot float from cold storage (newest first): an output the admins paid from the cold wallet to
     * a hot refill address; CONFIRMED ones are taken out of {@code coldStorageSats}, so the cold total is the confirmed
     * sweeps less the confirmed refills, both on the chain.
     */
    public record Refill(String state, String txid, int vout, String hotAddress, long amountSats,
                         @Schema(nullable = true) String explorerUrl) {
    }

    /**
     * One sweep of the hot float to a cold address (newest first): CONFIRMED (in {@code coldStorageSats}) or
     * IN_FLIGHT; FAILED ones are not listed. The address and the transaction can be looked up on any copy of the chain.
     */
    public record Sweep(String state, String txid, String coldAddress, long amountSats, long feeSats,
                        @Schema(nullable = true) Integer blockHeight, @Schema(nullable = true) Integer confirmations,
                        @Schema(nullable = true) String explorerUrl, @Schema(nullable = true) String addressUrl) {
    }

    /**
     * One payout transaction: CONFIRMED (counted in the totals) or IN_FLIGHT (signed or broadcast, not yet deep
     * enough). Block height, hash, time and confirmations come from the wallet's view of the chain; null when unknown.
     */
    public record Payout(long batchId, String state, String txid, long amountSats, @Schema(nullable = true) Long feeSats, int outputs,
                         @Schema(nullable = true) Integer blockHeight, @Schema(nullable = true) String blockHash,
                         @Schema(nullable = true, implementation = String.class, format = "date-time") Instant blockTime,
                         @Schema(nullable = true) Integer confirmations, @Schema(nullable = true) String explorerUrl) {
    }
}
