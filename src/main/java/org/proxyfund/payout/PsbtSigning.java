package org.proxyfund.payout;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.proxyfund.wallet.PsbtCheck;
import org.proxyfund.wallet.WalletService;

import java.util.List;
import java.util.Optional;

/**
 * Accepts the admins' signed uploads of a batch awaiting signatures: checks each against the batch's PSBTs (the wallet
 * does: exactly the current proposal, signed by the wallet's keys) and stores an accepted one as the batch's signed
 * transaction through {@link PayoutService}, under the batch row lock. Never broadcasts: the payout worker sends the
 * stored bytes, as it sends everything. The check is computation only, no network, so it may run in the transaction.
 */
@ApplicationScoped
public class PsbtSigning {

    private static final Logger LOG = Logger.getLogger(PsbtSigning.class);

    @Inject
    PayoutRepository repository;
    @Inject
    PsbtRepository psbts;
    @Inject
    PayoutService payouts;
    @Inject
    WalletService wallet;
    @Inject
    PayoutFault fault;

    /** The batch's current PSBT, when it has one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PayoutPsbt> current(long batchId) {
        List<PayoutPsbt> all = psbts.all(batchId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
    }

    /** Every PSBT of the batch, oldest revision first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    List<PayoutPsbt> all(long batchId) {
        return psbts.all(batchId);
    }

    @Transactional
    public PsbtUpload accept(long batchId, long adminId, byte[] upload) {
        Optional<PayoutBatchView> locked = repository.lock(batchId);
        if (locked.isEmpty()) {
            return new PsbtUpload.NotFound(batchId);
        }
        PayoutBatchView batch = locked.get();
        if (batch.state() != BatchState.AWAITING_SIGNATURES) {
            Optional<Long> signer = psbts.signer(batchId);
            return signer.isPresent() && signer.get() == adminId && batch.state().maySpend()
                    ? new PsbtUpload.AlreadySignedByYou(batch.txid()) : new PsbtUpload.NotAwaiting(batch.state());
        }
        List<PayoutPsbt> offered = psbts.all(batchId);
        PsbtCheck check = wallet.checkSigned(offered.stream().map(PayoutPsbt::psbt).toList(),
                offered.stream().map(PayoutPsbt::revision).toList(), upload);
        return switch (check) {
            case PsbtCheck.Refused r -> {
                LOG.infof("batch %d: signed upload by admin %d refused: %s", batchId, adminId, r.english());
                yield new PsbtUpload.Refused(r);
            }
            case PsbtCheck.Accepted a -> {
                fault.at(PayoutFault.Step.AFTER_UPLOAD_FINALIZED_BEFORE_COMMIT); // a fault rolls the whole upload back
                PayoutOutcome stored = payouts.markSignedBy(batchId, adminId, new SignedTransaction(a.txid(), a.raw()),
                        a.feeSats(), a.vsize());
                if (!(stored instanceof PayoutOutcome.Done done)) {
                    throw new IllegalStateException("batch " + batchId + ": a checked signature was not stored: " + stored);
                }
                yield new PsbtUpload.Accepted(done.batch(), a.txid());
            }
        };
    }
}
