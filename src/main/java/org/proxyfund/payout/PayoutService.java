package org.proxyfund.payout;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.proxyfund.payout.BatchCommand.Approve;
import org.proxyfund.payout.BatchCommand.Fail;
import org.proxyfund.payout.BatchCommand.FailConflicted;
import org.proxyfund.payout.BatchCommand.MarkBroadcast;
import org.proxyfund.payout.BatchCommand.MarkConfirmed;
import org.proxyfund.payout.BatchCommand.MarkLeftChain;
import org.proxyfund.payout.BatchCommand.MarkSigned;
import org.proxyfund.payout.BatchCommand.RecordReplacement;
import org.proxyfund.payout.BatchCommand.Reject;
import org.proxyfund.payout.BatchCommand.Revise;

import java.util.List;
import java.util.Optional;

/**
 * The single writer of payout batches: every state change locks the batch row, applies one command of
 * {@link BatchStateMachine} and stores the new state, its event and its side effects (approvals, signed
 * transactions, closed lines, the ledger entry) in the same database transaction.
 */
@ApplicationScoped
public class PayoutService {

    private static final long PROPOSE_LOCK = 0x70726f706f736531L;

    @Inject
    EntityManager em;
    @Inject
    PayoutRepository repository;
    @Inject
    PayoutProposer proposer;
    @Inject
    PayoutEffects effects;
    @Inject
    PayoutConfig config;
    @Inject
    FloatRouting floatRouting;

    /**
     * Proposes batches paying everyone due, under {@code proposalKey} (e.g. the epoch settled); the same key again
     * returns the batches already proposed, so a trigger that fires twice (two replicas, a retried CronJob) makes one.
     */
    @Transactional
    public PayoutOutcome propose(String proposalKey) {
        if (proposalKey == null || proposalKey.isBlank() || proposalKey.length() > 100) {
            throw new IllegalArgumentException("a proposal key is 1..100 characters: " + proposalKey);
        }
        // Proposals are serialized across replicas: the second waits here, then finds the first one's rows.
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, PROPOSE_LOCK).getSingleResult();
        List<PayoutBatchView> existing = repository.byProposal(proposalKey);
        if (!existing.isEmpty()) {
            return new PayoutOutcome.Proposed(proposalKey, existing, false);
        }
        List<List<PayoutLine>> parts = PayoutProposer.split(proposer.candidates(), config.maxOutputs(), floatRouting.batchLimit());
        if (parts.isEmpty()) {
            return new PayoutOutcome.NothingToPay(proposalKey);
        }
        for (int p = 0; p < parts.size(); p++) {
            List<PayoutLine> lines = parts.get(p);
            long total = lines.stream().mapToLong(PayoutLine::amountSats).reduce(0, Math::addExact);
            long id = repository.insertBatch(proposalKey, p + 1, parts.size(), total, lines.size(), config.twoAdminThresholdSats());
            lines.forEach(l -> repository.insertLine(id, l));
            repository.insertEvent(id, "Proposed", BatchState.PROPOSED, BatchState.PROPOSED, null,
                    lines.size() + " lines, " + total + " sats, part " + (p + 1) + " of " + parts.size(),
                    PayoutEventFacts.proposed(lines.size(), total, p + 1, parts.size()));
        }
        return new PayoutOutcome.Proposed(proposalKey, repository.byProposal(proposalKey), true);
    }

    /** An admin approves the revision they reviewed. */
    @Transactional
    public PayoutOutcome approve(long batchId, long adminId, int quotedRevision) {
        return apply(batchId, new Approve(adminId, quotedRevision), adminId, null);
    }

    /** An admin rejects a batch before it is signed; its lines return to payable. */
    @Transactional
    public PayoutOutcome reject(long batchId, long adminId, String reason) {
        return apply(batchId, new Reject(adminId, reason), adminId, null);
    }

    /** An admin takes one operator out of a PROPOSED batch: a new revision, earlier approvals void. */
    @Transactional
    public PayoutOutcome removeLine(long batchId, long accountId, long adminId) {
        Optional<PayoutBatchView> locked = repository.lock(batchId);
        if (locked.isEmpty()) {
            return new PayoutOutcome.NotFound(batchId);
        }
        List<PayoutLine> lines = repository.lines(batchId);
        Optional<PayoutLine> line = lines.stream().filter(l -> l.accountId() == accountId).findFirst();
        if (line.isEmpty()) {
            return new PayoutOutcome.Refused(BatchReason.INVALID_INPUT, "this operator has no line in batch " + batchId);
        }
        if (locked.get().state() != BatchState.PROPOSED) {
            return new PayoutOutcome.Refused(BatchReason.INVALID_STATE, "cannot change the lines while the batch is "
                    + locked.get().state() + ": only a PROPOSED batch can change");
        }
        if (lines.size() == 1) {
            return apply(batchId, new Reject(adminId, "its only line was removed"), adminId, null);
        }
        long total = locked.get().totalSats() - line.get().amountSats();
        PayoutOutcome outcome = apply(batchId, new Revise(total), adminId, null);
        if (outcome instanceof PayoutOutcome.Done) {
            repository.deleteLine(batchId, accountId);
            repository.updateLineCount(batchId, lines.size() - 1);
            renumber(batchId, accountId, line.get().position());
        }
        return outcome;
    }

    private void renumber(long batchId, long removedAccount, int removedPosition) {
        em.createNativeQuery("UPDATE payout_line SET position = position - 1 WHERE batch_id = ?1 AND position > ?2")
                .setParameter(1, batchId).setParameter(2, removedPosition).executeUpdate();
    }

    /** The signed transaction is stored, in this transaction, BEFORE anything broadcasts it. */
    @Transactional
    public PayoutOutcome markSigned(long batchId, SignedTransaction tx, long feeSats, int vsize) {
        return markSigned(batchId, tx, feeSats, vsize, null);
    }

    /** As {@link #markSigned(long, SignedTransaction, long, int)}, with where its fee rate came from. */
    @Transactional
    public PayoutOutcome markSigned(long batchId, SignedTransaction tx, long feeSats, int vsize, FeeEstimate basis) {
        return apply(batchId, new MarkSigned(tx), null, new TxFacts(feeSats, vsize, basis));
    }

    /** A PSBT of the approved batch is stored as its newest revision; the batch awaits the admins' signatures. */
    @Transactional
    public PayoutOutcome awaitSignatures(long batchId, String txid, byte[] psbt, long feeSats, int vsize) {
        return apply(batchId, new BatchCommand.AwaitSignatures(txid), null, new TxFacts(feeSats, vsize, null, psbt));
    }

    /** An admin's signed upload, checked against the batch's PSBT, is stored (SIGNED) before anything broadcasts it. */
    @Transactional(Transactional.TxType.MANDATORY)
    PayoutOutcome markSignedBy(long batchId, long adminId, SignedTransaction tx, long feeSats, int vsize) {
        return apply(batchId, new MarkSigned(tx), adminId, new TxFacts(feeSats, vsize, null));
    }

    /** A fee-bump replacement is stored before it is broadcast, tracked beside the original. */
    @Transactional
    public PayoutOutcome recordReplacement(long batchId, SignedTransaction tx, long feeSats, int vsize) {
        return recordReplacement(batchId, tx, feeSats, vsize, null);
    }

    /** As {@link #recordReplacement(long, SignedTransaction, long, int)}, with where its fee rate came from. */
    @Transactional
    public PayoutOutcome recordReplacement(long batchId, SignedTransaction tx, long feeSats, int vsize, FeeEstimate basis) {
        return apply(batchId, new RecordReplacement(tx), null, new TxFacts(feeSats, vsize, basis));
    }

    /** A broadcast of one of the batch's transactions returned. */
    @Transactional
    public PayoutOutcome markBroadcast(long batchId, String txid) {
        return apply(batchId, new MarkBroadcast(txid), null, null);
    }

    /** The chain shows {@code confirmations} of {@code txid}: CONFIRMED and booked once deep enough. */
    @Transactional
    public PayoutOutcome markConfirmed(long batchId, String txid, int confirmations) {
        return apply(batchId, new MarkConfirmed(txid, confirmations, config.confirmations()), null, null);
    }

    /** A reorg took the confirming {@code txid} out of the chain: BROADCAST again, its ledger booking reversed. */
    @Transactional
    public PayoutOutcome markLeftChain(long batchId, String txid) {
        return apply(batchId, new MarkLeftChain(txid), null, null);
    }

    /** The batch cannot be sent (before signing only); its lines return to payable. */
    @Transactional
    public PayoutOutcome fail(long batchId, String reason) {
        return apply(batchId, new Fail(reason), null, null);
    }

    /** A conflicting transaction confirmed deeply: the batch's transactions can never confirm. */
    @Transactional
    public PayoutOutcome failConflicted(long batchId, String reason, String conflictingTxid, int confirmations) {
        return apply(batchId, new FailConflicted(reason, conflictingTxid, confirmations, config.confirmations()), null, null);
    }

    /** Notes why a batch waits (too few coins, fee too high, a node that did not take it); no state change. */
    @Transactional
    public void noteWaiting(long batchId, BatchWait wait) {
        repository.setWaiting(batchId, wait, wait.text(java.util.Locale.ENGLISH));
    }

    private PayoutOutcome apply(long batchId, BatchCommand command, Long actorId, TxFacts facts) {
        Optional<PayoutBatchView> locked = repository.lock(batchId);
        if (locked.isEmpty()) {
            return new PayoutOutcome.NotFound(batchId);
        }
        BatchSnapshot before = snapshot(locked.get());
        return switch (BatchStateMachine.apply(before, command)) {
            case BatchResult.Refused r -> new PayoutOutcome.Refused(r.reason(), r.message());
            case BatchResult.Ok ok when ok.event().isEmpty() ->
                    new PayoutOutcome.Done(locked.get(), "nothing to change: the batch is already " + before.state(),
                            PayoutOutcome.Note.UNCHANGED);
            case BatchResult.Ok ok -> {
                effects.store(batchId, before, ok.batch(), ok.event().get(), actorId, facts);
                yield new PayoutOutcome.Done(repository.find(batchId).orElseThrow(), "done");
            }
            case BatchResult.Pending p -> {
                effects.store(batchId, before, p.batch(), p.event(), actorId, facts);
                yield new PayoutOutcome.Done(repository.find(batchId).orElseThrow(), p.message(),
                        p.reason() == BatchReason.NEEDS_SECOND_ADMIN ? PayoutOutcome.Note.NEEDS_SECOND_ADMIN : PayoutOutcome.Note.DONE);
            }
        };
    }

    /** The state machine's view of a locked row. */
    BatchSnapshot snapshot(PayoutBatchView row) {
        List<PayoutTx> txs = repository.txs(row.id());
        SignedTransaction original = txs.stream().filter(t -> t.seq() == 0).findFirst().map(PayoutTx::signed).orElse(null);
        List<SignedTransaction> replacements = txs.stream().filter(t -> t.seq() > 0).map(PayoutTx::signed).toList();
        return new BatchSnapshot(row.state(), row.revision(), row.totalSats(), row.twoAdminThresholdSats(),
                repository.approvals(row.id(), row.revision()), original, replacements, row.confirmedTxid(),
                row.closingReason());
    }

    /**
     * Fee and size of a signed transaction, and where its rate came from (null: not known), stored with it; for a
     * batch offered for signing, also its PSBT.
     */
    record TxFacts(long feeSats, int vsize, FeeEstimate basis, byte[] psbt) {
        TxFacts(long feeSats, int vsize, FeeEstimate basis) {
            this(feeSats, vsize, basis, null);
        }
    }
}
