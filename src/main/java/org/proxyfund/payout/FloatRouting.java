package org.proxyfund.payout;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.donation.DonationConfig;
import org.proxyfund.treasury.FloatPolicy;
import org.proxyfund.treasury.RefillService;
import org.proxyfund.treasury.SweepWorker;
import org.proxyfund.wallet.BitcoinConfig;
import org.proxyfund.wallet.WalletService;

import java.util.Optional;

/**
 * Which batches the hot float pays (docs/wallet.md, "The hot float"): with a cap configured, a batch whose outputs and
 * fee fit within the cap and the hot wallet's coins is signed as any hot batch; one above the cap waits (FLOAT_CAP),
 * one the float cannot cover waits for a refill from cold storage (FLOAT_REFILL). Without a float nothing changes.
 */
@ApplicationScoped
class FloatRouting {

    @Inject
    SweepWorker sweeps;
    @Inject
    WalletService wallet;
    @Inject
    PayoutConfig config;
    @Inject
    RefillService refills;
    @Inject
    DonationConfig donations;
    @Inject
    BitcoinConfig bitcoin;

    /** The hot receive address the admins pay a refill to, while a float is configured and a hot wallet runs. */
    Optional<String> refillAddress() {
        return floatPolicy() != null && wallet.running() && wallet.canSign() ? Optional.of(refills.refillAddress()) : Optional.empty();
    }

    /** Books refills that reached the depth donations are booked at (the ledger check's), reverses any a reorg took. */
    void reconcileRefills() {
        refills.reconcile(donations.confirmationsOn(bitcoin.network()));
    }

    /**
     * The most a proposed batch may pay with a float (outputs whose largest allowed fee still fits the cap), so the
     * float can pay every batch; {@code Long.MAX_VALUE} without a float.
     */
    long batchLimit() {
        FloatPolicy p = floatPolicy();
        return p == null ? Long.MAX_VALUE : p.batchLimit(config.maxFeeShareBp());
    }

    /** Before signing: a batch whose outputs alone pass the cap waits. */
    Optional<BatchWait> beforeSigning(long totalSats) {
        FloatPolicy p = floatPolicy();
        return p != null && totalSats > p.capSats() ? Optional.of(cap(totalSats, p)) : Optional.empty();
    }

    /** Signed: outputs and fee must fit within the cap, or the signature is dropped unsent and the batch waits. */
    Optional<BatchWait> afterSigning(long totalSats, long feeSats) {
        FloatPolicy p = floatPolicy();
        return p != null && p.route(totalSats, feeSats) == FloatPolicy.Route.COLD
                ? Optional.of(cap(Math.addExact(totalSats, feeSats), p)) : Optional.empty();
    }

    /** The wallet lacks {@code missingSats}: with a float, the float needs a refill from cold storage. */
    BatchWait lacking(long missingSats) {
        FloatPolicy p = floatPolicy();
        if (p == null) {
            return BatchWait.of(BatchWait.Why.FUNDS, missingSats, config.confirmations());
        }
        return BatchWait.of(BatchWait.Why.FLOAT_REFILL, missingSats, wallet.spendableSats(config.confirmations()), p.capSats());
    }

    private static BatchWait cap(long sats, FloatPolicy p) {
        return BatchWait.of(BatchWait.Why.FLOAT_CAP, sats, p.capSats());
    }

    private FloatPolicy floatPolicy() {
        FloatPolicy p = sweeps.policy();
        return p != null && p.hasFloat() ? p : null;
    }
}
