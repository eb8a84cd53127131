package org.proxyfund.payout;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.proxyfund.wallet.PaymentOutput;
import org.proxyfund.wallet.PsbtResult;
import org.proxyfund.wallet.SignResult;
import org.proxyfund.wallet.WalletService;

import java.util.List;

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
                PayoutOutcome stored = payouts.awaitSignatures(batchId, p.txid(), p.psbt(), p.feeSats(), p.vsizeEstimate());
                LOG.infof("batch %d: PSBT of %s offered for signing (%s)", batchId, p.txid(), stored);
                return stored instanceof PayoutOutcome.Done;
            }
        }
    }
}
