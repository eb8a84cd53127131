package org.proxyfund.payout;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.proxyfund.common.events.OperatorEvent;
import org.proxyfund.common.events.OperatorEventType;
import org.proxyfund.ledger.LedgerService;
import org.proxyfund.payout.BatchEvent.Approved;
import org.proxyfund.payout.BatchEvent.ApprovalRecorded;
import org.proxyfund.payout.BatchEvent.Broadcast;
import org.proxyfund.payout.BatchEvent.Confirmed;
import org.proxyfund.payout.BatchEvent.Failed;
import org.proxyfund.payout.BatchEvent.LeftChain;
import org.proxyfund.payout.BatchEvent.Rejected;
import org.proxyfund.payout.BatchEvent.ReplacementRecorded;
import org.proxyfund.payout.BatchEvent.Revised;
import org.proxyfund.payout.BatchEvent.Signed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stores one accepted change of a batch with everything that goes with it, inside PayoutService's transaction. */
@ApplicationScoped
class PayoutEffects {

    @Inject
    PayoutRepository repository;
    @Inject
    LedgerService ledger;
    @Inject
    PsbtRepository psbts;
    @Inject
    Event<OperatorEvent> operatorEvents;

    @Transactional(Transactional.TxType.MANDATORY)
    void store(long batchId, BatchSnapshot before, BatchSnapshot after, BatchEvent event, Long actorId,
               PayoutService.TxFacts facts) {
        Long fee = null;
        Long booked = null;
        switch (event) {
            case ApprovalRecorded e -> repository.insertApproval(batchId, e.revision(), e.adminId());
            case Approved e -> repository.insertApproval(batchId, e.revision(), e.adminIds().getLast());
            case BatchEvent.AwaitingSignatures e -> {
                requireFacts(facts);
                if (facts.psbt() == null) {
                    throw new IllegalArgumentException("a batch awaiting signatures needs its PSBT");
                }
                psbts.insert(batchId, e.txid(), facts.psbt(), facts.feeSats(), facts.vsize());
            }
            case Signed e -> {
                repository.insertTx(batchId, 0, after.signed(), requireFacts(facts).feeSats(), facts.vsize(), facts.basis());
                fee = facts.feeSats();
            }
            case ReplacementRecorded e -> repository.insertTx(batchId, after.replacements().size(),
                    after.replacements().getLast(), requireFacts(facts).feeSats(), facts.vsize(), facts.basis());
            case Confirmed e -> {
                fee = repository.txs(batchId).stream().filter(t -> t.txid().equals(e.txid())).findFirst()
                        .orElseThrow().feeSats();
                booked = book(batchId, e.txid(), fee);
            }
            case LeftChain e -> unbook(batchId, e.txid());
            case Rejected e -> repository.closeLines(batchId);
            case Failed e -> repository.closeLines(batchId);
            case Revised e -> {
            }
            case Broadcast e -> {
            }
        }
        repository.updateBatch(batchId, after, fee, booked);
        repository.insertEvent(batchId, event.getClass().getSimpleName(), before.state(), after.state(), actorId,
                detail(event), PayoutEventFacts.of(event));
        tellOperators(batchId, event);
    }

    /**
     * The operators paid by the batch hear of it when it is sent, confirmed, or taken back by a reorg (webhooks), in
     * this same transaction: an event is stored only with the change it reports.
     */
    private void tellOperators(long batchId, BatchEvent event) {
        OperatorEventType type;
        String txid;
        Map<String, Object> extra = new LinkedHashMap<>();
        switch (event) {
            case Broadcast e -> {
                type = OperatorEventType.PAYOUT_SENT;
                txid = e.txid();
            }
            case Confirmed e -> {
                type = OperatorEventType.PAYOUT_CONFIRMED;
                txid = e.txid();
                extra.put("confirmations", e.confirmations());
            }
            case LeftChain e -> {
                type = OperatorEventType.PAYOUT_LEFT_CHAIN;
                txid = e.txid();
            }
            default -> {
                return;
            }
        }
        Map<Long, Long> paid = new LinkedHashMap<>();
        repository.lines(batchId).forEach(l -> paid.merge(l.accountId(), l.amountSats(), Math::addExact));
        paid.forEach((account, sats) -> {
            Map<String, Object> data = new LinkedHashMap<>(extra);
            data.put("batchId", batchId);
            data.put("txid", txid);
            data.put("amountSats", sats);
            operatorEvents.fire(new OperatorEvent(type, account, data));
        });
    }

    /**
     * Confirmed: operators' payables are paid out of the wallet, the miner fee booked, and the lines closed. Returns
     * the ledger entry, remembered on the batch so that a reorg reverses exactly it.
     */
    private long book(long batchId, String txid, long feeSats) {
        List<PayoutLine> lines = repository.lines(batchId);
        Map<Long, Long> paid = new LinkedHashMap<>();
        lines.forEach(l -> paid.merge(l.accountId(), l.amountSats(), Math::addExact));
        long entry = ledger.postPayoutConfirmed("payout batch " + batchId + " tx " + txid, paid, feeSats);
        repository.closeLines(batchId);
        return entry;
    }

    /**
     * Left the chain: the confirmation's entry is reversed (the ledger is append-only), so the payables are owed again
     * and the wallet account holds the coins the wallet again counts as its own. The lines stay closed; the proposer
     * skips every operator with a line in a batch in flight, so nothing new pays them while this one can confirm.
     */
    private void unbook(long batchId, String txid) {
        long entry = repository.ledgerEntry(batchId).orElseThrow(() -> new IllegalStateException(
                "batch " + batchId + " was CONFIRMED without a ledger entry"));
        ledger.reverse(entry, "reorg: payout batch " + batchId + " tx " + txid + " left the chain");
        repository.noteLeftChain(batchId);
    }

    private static PayoutService.TxFacts requireFacts(PayoutService.TxFacts facts) {
        if (facts == null || facts.feeSats() < 0 || facts.vsize() <= 0) {
            throw new IllegalArgumentException("a signed transaction needs its fee and size: " + facts);
        }
        return facts;
    }

    private static String detail(BatchEvent event) {
        return switch (event) {
            case Revised e -> "revision " + e.fromRevision() + " -> " + e.toRevision() + ", total " + e.totalSats() + " sats";
            case ApprovalRecorded e -> "approved revision " + e.revision() + " (" + e.approvalsNeeded() + " approvals needed)";
            case Approved e -> "approved revision " + e.revision() + " by " + e.adminIds();
            case Rejected e -> e.reason();
            case BatchEvent.AwaitingSignatures e -> "PSBT of " + e.txid() + " offered for signing";
            case Signed e -> "signed " + e.txid();
            case ReplacementRecorded e -> "replacement " + e.txid() + " of " + e.originalTxid();
            case Broadcast e -> "broadcast " + e.txid();
            case Confirmed e -> "confirmed " + e.txid() + " (" + e.confirmations() + " confirmations)";
            case Failed e -> "failed from " + e.from() + ": " + e.reason();
            case LeftChain e -> "a reorg took " + e.txid() + " out of the chain; its booking is reversed, the same"
                    + " transaction is sent again";
        };
    }
}
