package org.proxyfund.payout;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.proxyfund.operator.OperatorQueries;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Read-only access to batches for pages and the sending loop ({@link PayoutWorker}); writes go through PayoutService. */
@ApplicationScoped
@Transactional
public class PayoutQueries {

    @Inject
    PayoutRepository repository;
    @Inject
    jakarta.persistence.EntityManager em;
    @Inject
    OperatorQueries operators;

    public Optional<PayoutBatchView> batch(long batchId) {
        return repository.find(batchId);
    }

    /** The newest batches in any of {@code states}, at most {@code limit}. */
    public List<PayoutBatchView> inStates(Collection<BatchState> states, int limit) {
        return repository.inStates(states, limit);
    }

    /** Batches in any of {@code states} with an id below {@code beforeId} (all when null), newest first, at most {@code limit}. */
    public List<PayoutBatchView> page(Collection<BatchState> states, Long beforeId, int limit) {
        return repository.page(states, beforeId == null ? Long.MAX_VALUE : beforeId, limit);
    }

    /** Txids of every stored transaction of a batch in flight (SIGNED, BROADCAST): ours, not the market's. */
    @SuppressWarnings("unchecked")
    public java.util.Set<String> inFlightTxids() {
        return java.util.Set.copyOf(em.createNativeQuery("""
                SELECT t.txid FROM payout_tx t JOIN payout_batch b ON b.id = t.batch_id WHERE b.state IN ('SIGNED', 'BROADCAST')""")
                .getResultList());
    }

    /** Ids of the batches in {@code state}, oldest first. */
    public List<Long> idsIn(BatchState state) {
        return repository.idsIn(state);
    }

    public List<PayoutLine> lines(long batchId) {
        return repository.lines(batchId);
    }

    /** The original signed transaction (seq 0) and its replacements, in order. */
    public List<PayoutTx> transactions(long batchId) {
        return repository.txs(batchId);
    }

    /** The admins who approved the batch's current revision, in order. */
    public List<Long> approvals(long batchId) {
        return repository.find(batchId).map(b -> repository.approvals(batchId, b.revision())).orElse(List.of());
    }

    /** One operator's lines in every batch, newest first, with the batch's state, txid and output (their own data only). */
    @SuppressWarnings("unchecked")
    public List<OperatorPayout> forOperator(long accountId, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT b.id, b.state, l.amount_sats, l.address, b.confirmed_txid, b.txid, b.updated_at, l.position FROM payout_line l
                JOIN payout_batch b ON b.id = l.batch_id WHERE l.account_id = ?1 ORDER BY b.id DESC LIMIT ?2""")
                .setParameter(1, accountId).setParameter(2, limit).getResultList();
        return rows.stream().map(r -> new OperatorPayout(((Number) r[0]).longValue(), BatchState.valueOf((String) r[1]),
                ((Number) r[2]).longValue(), (String) r[3], r[4] != null ? (String) r[4] : (String) r[5],
                (java.time.Instant) r[6], ((Number) r[7]).intValue())).toList();
    }

    /**
     * CONFIRMED batches, newest first: the transaction that confirmed (original or fee-bump replacement), the total of
     * its payout outputs and its own fee (not the fee of a replacement that lost).
     */
    @SuppressWarnings("unchecked")
    public List<PaidBatch> paid(int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT b.id, b.confirmed_txid, b.total_sats, t.fee_sats, b.line_count, b.closed_at FROM payout_batch b
                JOIN payout_tx t ON t.txid = b.confirmed_txid WHERE b.state = 'CONFIRMED' ORDER BY b.id DESC""")
                .setMaxResults(limit).getResultList();
        return rows.stream().map(r -> new PaidBatch(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).longValue(),
                ((Number) r[3]).longValue(), ((Number) r[4]).intValue(), (java.time.Instant) r[5])).toList();
    }

    /** Every output of CONFIRMED batches, oldest batch first, at most {@code limit} (for the accounting export). */
    @SuppressWarnings("unchecked")
    public List<PaidLine> paidLines(int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT b.id, b.confirmed_txid, l.position, l.account_id, l.address, l.amount_sats, b.closed_at
                FROM payout_line l JOIN payout_batch b ON b.id = l.batch_id
                WHERE b.state = 'CONFIRMED' ORDER BY b.id, l.position""").setMaxResults(limit).getResultList();
        java.util.Map<Long, String> handles = operators.handles(rows.stream().map(r -> ((Number) r[3]).longValue()).distinct().toList());
        return rows.stream().map(r -> new PaidLine(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).intValue(),
                ((Number) r[3]).longValue(), handles.get(((Number) r[3]).longValue()), (String) r[4], ((Number) r[5]).longValue(),
                (java.time.Instant) r[6])).toList();
    }

    /** Account handles by id, for the lines of a batch page. */
    @SuppressWarnings("unchecked")
    public java.util.Map<Long, String> handles(long batchId) {
        List<Number> ids = em.createNativeQuery("SELECT DISTINCT account_id FROM payout_line WHERE batch_id = ?1")
                .setParameter(1, batchId).getResultList();
        return new java.util.HashMap<>(operators.handles(ids.stream().map(Number::longValue).toList()));
    }

    public List<PayoutEventView> events(long batchId) {
        return repository.events(batchId);
    }
}
