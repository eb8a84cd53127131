package org.proxyfund.payout;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.proxyfund.wallet.PaymentOutput;
import org.proxyfund.wallet.PsbtResult;
import org.proxyfund.wallet.SignResult;
import org.proxyfund.wallet.WalletService;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * With {@code proxyfund.payout.signing=psbt}: turns the oldest APPROVED batch into a PSBT for the admins to sign
 * (AWAITING_SIGNATURES). One batch awaits signatures at a time: nothing is committed to the wallet before a signed
 * upload is stored, so a second PSBT built meanwhile could choose the same coins. Signs and sends nothing.
 */
@ApplicationScoped
class PsbtOffers {

    private static final Logger LOG = Logger.getLogger(PsbtOffers.class);

    @Inject
    PayoutConfig config;
    @Inject
    WalletService wallet;
    @Inject
    PayoutService payouts;
    @Inject
    PayoutQueries queries;
    @Inject
    FeeEstimator fees;
    @Inject
    PsbtSigning signing;
    @Inject
    PayoutFault fault;

    /** Offers the oldest APPROVED batch for signing unless one already awaits signatures; returns how many were offered. */
    int offerApproved() {
        if (!queries.idsIn(BatchState.AWAITING_SIGNATURES).isEmpty()) {
            return 0;
        }
        for (long id : queries.idsIn(BatchState.APPROVED)) {
            if (offer(id)) {
                return 1;
            }
        }
        return 0;
    }

    /**
     * The coins (outpoints) reserved for the PSBTs on offer, by batch: every coin any revision of a batch awaiting
     * signatures spends (an admin may sign and send whichever revision they hold). The wallet does not know these
     * coins are promised, so hot signing must never select them; a reservation ends when its batch leaves
     * AWAITING_SIGNATURES (a signed upload is stored SIGNED and its coins are then the stored transaction's).
     */
    Map<Long, Set<String>> reservedCoins() {
        Map<Long, Set<String>> reserved = new TreeMap<>();
        for (long id : queries.idsIn(BatchState.AWAITING_SIGNATURES)) {
            Set<String> coins = new HashSet<>();
            signing.all(id).forEach(p -> coins.addAll(WalletService.psbtCoins(p.psbt())));
            reserved.put(id, Set.copyOf(coins));
        }
        return reserved;
    }

    /**
     * A new PSBT revision of a batch awaiting signatures at {@code satPerVb} (an admin's choice, e.g. when fees rose):
     * it spends every coin of the current PSBT, so whichever revision an admin signs and sends, only one can confirm.
     * The outcome in words for the admin; the older revisions are refused from then on.
     */
    PayoutOutcome renew(long batchId, long satPerVb) {
        PayoutBatchView batch = queries.batch(batchId).orElse(null);
        if (batch == null) {
            return new PayoutOutcome.NotFound(batchId);
        }
        if (batch.state() != BatchState.AWAITING_SIGNATURES) {
            return new PayoutOutcome.Refused(BatchReason.INVALID_STATE, "only a batch awaiting signatures gets a new PSBT");
        }
        if (satPerVb < 1 || satPerVb > config.maxFeeRateSatPerVb()) {
            return new PayoutOutcome.Refused(BatchReason.INVALID_INPUT, "the fee rate must be 1.." + config.maxFeeRateSatPerVb() + " sat/vB");
        }
        List<PayoutPsbt> offered = signing.all(batchId);
        List<PaymentOutput> outputs = queries.lines(batchId).stream().map(l -> new PaymentOutput(l.address(), l.amountSats())).toList();
        return switch (wallet.rebuildPsbt(offered.getLast().psbt(), outputs, satPerVb, config.confirmations())) {
            case PsbtResult.NotBuilt n -> new PayoutOutcome.Refused(BatchReason.INVALID_INPUT,
                    "no new PSBT: the coins of the current one are no longer all spendable, or do not cover the fee (" + n.failure() + ")");
            case PsbtResult.Proposal p -> payouts.awaitSignatures(batchId, p.txid(), p.psbt(), p.feeSats(), p.vsizeEstimate());
        };
    }

    private boolean offer(long batchId) {
        PayoutBatchView batch = queries.batch(batchId).orElse(null);
        if (batch == null || batch.state() != BatchState.APPROVED) {
            return false;
        }
        List<PayoutLine> lines = queries.lines(batchId);
        List<PaymentOutput> outputs = lines.stream().map(l -> new PaymentOutput(l.address(), l.amountSats())).toList();
        FeeEstimate rate = fees.estimate(queries.inFlightTxids());
        switch (wallet.buildPsbt(outputs, rate.satPerVb(), config.confirmations())) {
            case PsbtResult.NotBuilt(SignResult.InsufficientFunds f) -> {
                payouts.noteWaiting(batchId, BatchWait.of(BatchWait.Why.FUNDS, f.missingSats(), config.confirmations()));
                return false;
            }
            case PsbtResult.NotBuilt(SignResult.InvalidOutput bad) -> {
                PayoutLine line = bad.index() >= 0 && bad.index() < lines.size() ? lines.get(bad.index()) : null;
                payouts.fail(batchId, line == null ? "refused by the wallet: " + bad.reason()
                        : "line " + bad.index() + " (operator " + line.accountId() + ", " + line.address() + "): " + bad.reason());
                return false;
            }
            case PsbtResult.NotBuilt n -> throw new IllegalStateException("unexpected " + n);
            case PsbtResult.Proposal p -> {
                if (FeeShare.tooHigh(p.feeSats(), batch.totalSats(), config.maxFeeShareBp())) {
                    payouts.noteWaiting(batchId, BatchWait.of(BatchWait.Why.FEE_SHARE, p.feeSats(),
                            BatchWait.percent(config.maxFeeShareBp()), batch.totalSats()));
                    return false;
                }
                fault.at(PayoutFault.Step.AFTER_PSBT_BUILT_BEFORE_COMMIT);
                PayoutOutcome stored = payouts.awaitSignatures(batchId, p.txid(), p.psbt(), p.feeSats(), p.vsizeEstimate());
                LOG.infof("batch %d: PSBT of %s offered for signing (%s)", batchId, p.txid(), stored);
                return stored instanceof PayoutOutcome.Done;
            }
        }
    }
}
