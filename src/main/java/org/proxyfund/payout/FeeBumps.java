package org.proxyfund.payout;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.proxyfund.wallet.BumpResult;
import org.proxyfund.wallet.WalletService;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The fee-bump step of the sending loop: decides whether a batch in flight is due a replacement at a higher rate
 * (stuck past {@code stuck-after}, or the estimate rose by {@code bump-percent}; {@link BumpRate}), signs it within the
 * rate ceiling, the fee share and the bump count, and stores it through {@link PayoutService} before anything is sent.
 * Sending it is {@link PayoutWorker}'s: every batch transaction reaches the network from one place.
 */
@ApplicationScoped
class FeeBumps {

    private static final Logger LOG = Logger.getLogger(FeeBumps.class);

    @Inject
    PayoutConfig config;
    @Inject
    WalletService wallet;
    @Inject
    PayoutService payouts;
    @Inject
    PayoutFault fault;

    /**
     * When the batch is stuck or the fee estimate rose past its rate by the bump step: a replacement signed, checked
     * against the caps and stored beside the original, for the caller to broadcast. Empty when no bump is due or none
     * can be made now (the reason is noted on the batch).
     */
    Optional<SignedTransaction> ifDue(PayoutBatchView batch, List<PayoutTx> txs, PayoutTx latest, Instant since, Instant now,
                                      Supplier<FeeEstimate> rate) {
        boolean stuck = Duration.between(since, now).compareTo(config.stuckAfter()) > 0;
        FeeEstimate estimate = rate.get();
        OptionalLong next = BumpRate.due(stuck, estimate, latest.satPerVb(), config.bumpPercent());
        if (next.isEmpty()) {
            return Optional.empty();
        }
        int bumps = txs.size() - 1;
        if (bumps >= config.fee().maxBumps()) {
            payouts.noteWaiting(batch.id(), BatchWait.of(BatchWait.Why.MAX_BUMPS, bumps, latest.satPerVb()));
            return Optional.empty();
        }
        return bump(batch, latest, next.getAsLong(), estimate);
    }

    /**
     * Sign a replacement at {@code rate} → store it beside the original. Empty when none was stored (the rate or fee
     * cap, too few coins, or the bump is not possible), with the reason noted.
     */
    private Optional<SignedTransaction> bump(PayoutBatchView batch, PayoutTx latest, long rate, FeeEstimate basis) {
        long oldRate = latest.satPerVb();
        if (rate > config.maxFeeRateSatPerVb()) {
            payouts.noteWaiting(batch.id(), BatchWait.of(BatchWait.Why.FEE_CEILING, oldRate, config.maxFeeRateSatPerVb()));
            return Optional.empty();
        }
        switch (wallet.bumpFee(latest.raw(), rate, config.confirmations())) {
            case BumpResult.Bumped b -> {
                if (FeeShare.tooHigh(b.replacement().feeSats(), batch.totalSats(), config.maxFeeShareBp())) {
                    payouts.noteWaiting(batch.id(), BatchWait.of(BatchWait.Why.BUMP_FEE_SHARE, b.replacement().feeSats(),
                            BatchWait.percent(config.maxFeeShareBp()), batch.totalSats()));
                    return Optional.empty();
                }
                fault.at(PayoutFault.Step.AFTER_BUMP_SIGN_BEFORE_COMMIT);
                SignedTransaction replacement = new SignedTransaction(b.replacement().txid(), b.replacement().raw());
                PayoutOutcome stored = payouts.recordReplacement(batch.id(), replacement, b.replacement().feeSats(),
                        b.replacement().vsize(), basis);
                if (!(stored instanceof PayoutOutcome.Done)) {
                    LOG.infof("batch %d: replacement not recorded (%s); dropped unsent", batch.id(), stored);
                    return Optional.empty();
                }
                fault.at(PayoutFault.Step.AFTER_BUMP_COMMIT_BEFORE_BROADCAST);
                LOG.infof("batch %d: fee bumped from %d to %d sat/vB by %s", batch.id(), oldRate, rate, replacement.txid());
                return Optional.of(replacement);
            }
            case BumpResult.InsufficientFunds f -> {
                payouts.noteWaiting(batch.id(), BatchWait.of(BatchWait.Why.BUMP_FUNDS, f.missingSats()));
                return Optional.empty();
            }
            case BumpResult.CannotBump c -> {
                payouts.noteWaiting(batch.id(), BatchWait.of(BatchWait.Why.CANNOT_BUMP, c.reason()));
                return Optional.empty();
            }
        }
    }
}
