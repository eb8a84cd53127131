package org.proxyfund.payout;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.proxyfund.wallet.BroadcastResult;
import org.proxyfund.wallet.PaymentOutput;
import org.proxyfund.wallet.SignResult;
import org.proxyfund.wallet.WalletService;

import java.util.List;

/**
 * Sends APPROVED batches: sign, store the signed bytes (SIGNED, committed), then broadcast the stored bytes and
 * mark BROADCAST. A SIGNED batch is only ever rebroadcast from its stored bytes, never signed again.
 */
@ApplicationScoped
public class PayoutSender {

    private static final Logger LOG = Logger.getLogger(PayoutSender.class);

    @Inject
    PayoutService payouts;
    @Inject
    PayoutQueries queries;
    @Inject
    WalletService wallet;
    @Inject
    PayoutConfig config;
    @Inject
    PayoutFault fault;
    @Inject
    FeeEstimator fees;

    /**
     * Rebroadcasts SIGNED batches first (their coins must be known spent before new coins are chosen), then signs
     * and sends every APPROVED batch, oldest first. Returns how many batches were signed now.
     */
    public int sendApproved() {
        for (long id : queries.idsIn(BatchState.SIGNED)) {
            broadcastStored(id);
        }
        if (!queries.idsIn(BatchState.SIGNED).isEmpty()) {
            return 0; // a stored transaction the network has not taken yet: do not choose coins around it
        }
        int signed = 0;
        for (long id : queries.idsIn(BatchState.APPROVED)) {
            if (send(id)) {
                signed++;
            }
        }
        return signed;
    }

    /** Signs one APPROVED batch, stores it, broadcasts it. False when it waits, failed or changed meanwhile. */
    boolean send(long batchId) {
        PayoutBatchView batch = queries.batch(batchId).orElse(null);
        if (batch == null || batch.state() != BatchState.APPROVED) {
            return false;
        }
        List<PayoutLine> lines = queries.lines(batchId);
        List<PaymentOutput> outputs = lines.stream().map(l -> new PaymentOutput(l.address(), l.amountSats())).toList();
        // The rate the node's estimate gives for the target, between floor and ceiling (docs/payouts.md, "Fees").
        FeeEstimate rate = fees.estimate(queries.inFlightTxids());
        // Only coins confirmed as deep as a payout must be: see docs/payouts.md, "Which coins a batch spends".
        SignResult result = wallet.buildAndSign(outputs, rate.satPerVb(), config.confirmations());
        switch (result) {
            case SignResult.InsufficientFunds f -> {
                payouts.noteWaiting(batchId, BatchWait.of(BatchWait.Why.FUNDS, f.missingSats(), config.confirmations()));
                return false;
            }
            case SignResult.InvalidOutput bad -> {
                PayoutLine line = bad.index() >= 0 && bad.index() < lines.size() ? lines.get(bad.index()) : null;
                payouts.fail(batchId, line == null ? "refused by the wallet: " + bad.reason()
                        : "line " + bad.index() + " (operator " + line.accountId() + ", " + line.address() + "): " + bad.reason());
                return false;
            }
            case SignResult.Signed s -> {
                if (FeeShare.tooHigh(s.feeSats(), batch.totalSats(), config.maxFeeShareBp())) {
                    payouts.noteWaiting(batchId, BatchWait.of(BatchWait.Why.FEE_SHARE, s.feeSats(),
                            BatchWait.percent(config.maxFeeShareBp()), batch.totalSats()));
                    return false;
                }
                fault.at(PayoutFault.Step.AFTER_SIGN_BEFORE_COMMIT);
                PayoutOutcome stored = payouts.markSigned(batchId, new SignedTransaction(s.txid(), s.raw()), s.feeSats(),
                        s.vsize(), rate);
                if (!(stored instanceof PayoutOutcome.Done done) || !s.txid().equals(done.batch().txid())) {
                    LOG.infof("batch %d changed while it was signed (%s); the signature is dropped unsent", batchId, stored);
                    return false;
                }
                fault.at(PayoutFault.Step.AFTER_COMMIT_BEFORE_BROADCAST);
                broadcastStored(batchId);
                return true;
            }
        }
    }

    /** (Re)broadcasts the stored original of a SIGNED batch and marks it BROADCAST once a node has it. */
    public void broadcastStored(long batchId) {
        PayoutTx original = queries.transactions(batchId).stream().filter(t -> t.seq() == 0).findFirst().orElse(null);
        if (original == null) {
            return;
        }
        BroadcastResult sent = wallet.broadcast(original.raw());
        fault.at(PayoutFault.Step.AFTER_BROADCAST_BEFORE_STATE);
        switch (sent.outcome()) {
            case SENT, ALREADY_KNOWN -> payouts.markBroadcast(batchId, original.txid());
            case REJECTED, NOT_TAKEN -> {
                LOG.warnf("batch %d: broadcast of %s %s (%s); it stays SIGNED and is retried",
                        batchId, original.txid(), sent.outcome(), sent.detail());
                payouts.noteWaiting(batchId, BatchWait.of(sent.outcome() == BroadcastResult.Outcome.REJECTED
                        ? BatchWait.Why.NODE_REJECTED : BatchWait.Why.NODE_DID_NOT_TAKE, original.txid(), sent.detail()));
            }
        }
    }
}
