package org.proxyfund.payout;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL of the payout tables; writes are called only by {@link PayoutService}, the single writer. */
@ApplicationScoped
class PayoutRepository {

    /** Between the figures of a stored waiting reason (the unit separator, which no figure contains). */
    private static final String ARG_SEPARATOR = "\u001F";

    private static final String BATCH_COLUMNS = """
            id, proposal_key, part, parts, state, revision, total_sats, line_count, two_admin_threshold_sats, txid,
            confirmed_txid, fee_sats, closing_reason, waiting_reason, created_at, updated_at, signed_at, broadcast_at,
            closed_at, reorged_at, reorg_count""";

    @Inject
    EntityManager em;

    /** Locks the batch row until the caller's transaction ends; empty when there is no such batch. */
    Optional<PayoutBatchView> lock(long batchId) {
        return batchWhere("id = ?1 FOR UPDATE", batchId).stream().findFirst();
    }

    Optional<PayoutBatchView> find(long batchId) {
        return batchWhere("id = ?1", batchId).stream().findFirst();
    }

    List<PayoutBatchView> byProposal(String proposalKey) {
        return batchWhere("proposal_key = ?1 ORDER BY part", proposalKey);
    }

    List<PayoutBatchView> inStates(Collection<BatchState> states, int limit) {
        String names = String.join("', '", states.stream().map(Enum::name).toList());
        return batchWhere("state IN ('" + names + "') AND ?1 = ?1 ORDER BY id DESC LIMIT " + Math.max(1, limit), 1);
    }

    List<PayoutBatchView> page(Collection<BatchState> states, long beforeId, int limit) {
        String names = String.join("', '", states.stream().map(Enum::name).toList());
        return batchWhere("state IN ('" + names + "') AND id < ?1 ORDER BY id DESC LIMIT " + Math.max(1, limit), beforeId);
    }

    /** Ids of batches in {@code state}, oldest first. */
    @SuppressWarnings("unchecked")
    List<Long> idsIn(BatchState state) {
        return ((List<Number>) em.createNativeQuery("SELECT id FROM payout_batch WHERE state = ?1 ORDER BY id")
                .setParameter(1, state.name()).getResultList()).stream().map(Number::longValue).toList();
    }

    @SuppressWarnings("unchecked")
    private List<PayoutBatchView> batchWhere(String where, Object parameter) {
        List<Object[]> rows = em.createNativeQuery("SELECT " + BATCH_COLUMNS + " FROM payout_batch WHERE " + where)
                .setParameter(1, parameter).getResultList();
        return rows.stream().map(PayoutRepository::batch).toList();
    }

    private static PayoutBatchView batch(Object[] r) {
        return new PayoutBatchView(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).intValue(),
                ((Number) r[3]).intValue(), BatchState.valueOf((String) r[4]), ((Number) r[5]).intValue(),
                ((Number) r[6]).longValue(), ((Number) r[7]).intValue(), ((Number) r[8]).longValue(), (String) r[9],
                (String) r[10], r[11] == null ? null : ((Number) r[11]).longValue(), (String) r[12], (String) r[13],
                (Instant) r[14], (Instant) r[15], (Instant) r[16], (Instant) r[17],
                (Instant) r[18], (Instant) r[19], ((Number) r[20]).intValue());
    }

    @SuppressWarnings("unchecked")
    List<PayoutLine> lines(long batchId) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT account_id, position, address, amount_sats, open FROM payout_line
                WHERE batch_id = ?1 ORDER BY position""").setParameter(1, batchId).getResultList();
        return rows.stream().map(r -> new PayoutLine(((Number) r[0]).longValue(), ((Number) r[1]).intValue(),
                (String) r[2], ((Number) r[3]).longValue(), (Boolean) r[4])).toList();
    }

    @SuppressWarnings("unchecked")
    List<PayoutTx> txs(long batchId) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT txid, seq, raw_tx, fee_sats, vsize, created_at, fee_source, fee_estimate_sat_per_vb, fee_target_blocks
                FROM payout_tx WHERE batch_id = ?1 ORDER BY seq""")
                .setParameter(1, batchId).getResultList();
        return rows.stream().map(r -> new PayoutTx((String) r[0], ((Number) r[1]).intValue(), (byte[]) r[2],
                ((Number) r[3]).longValue(), ((Number) r[4]).intValue(), (Instant) r[5], (String) r[6],
                r[7] == null ? null : ((Number) r[7]).longValue(), r[8] == null ? null : ((Number) r[8]).intValue())).toList();
    }

    @SuppressWarnings("unchecked")
    List<Long> approvals(long batchId, int revision) {
        return ((List<Number>) em.createNativeQuery("""
                SELECT admin_id FROM payout_approval WHERE batch_id = ?1 AND revision = ?2 ORDER BY approved_at, admin_id""")
                .setParameter(1, batchId).setParameter(2, revision).getResultList()).stream().map(Number::longValue).toList();
    }

    @SuppressWarnings("unchecked")
    List<PayoutEventView> events(long batchId) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, kind, from_state, to_state, actor_id, detail, at, CAST(facts AS text) FROM payout_event WHERE batch_id = ?1 ORDER BY id""")
                .setParameter(1, batchId).getResultList();
        return rows.stream().map(r -> new PayoutEventView(((Number) r[0]).longValue(), (String) r[1],
                BatchState.valueOf((String) r[2]), BatchState.valueOf((String) r[3]),
                r[4] == null ? null : ((Number) r[4]).longValue(), (String) r[5], PayoutEventFacts.read((String) r[7]),
                (Instant) r[6])).toList();
    }

    long insertBatch(String proposalKey, int part, int parts, long totalSats, int lineCount, long threshold) {
        return ((Number) em.createNativeQuery("""
                INSERT INTO payout_batch (proposal_key, part, parts, state, total_sats, line_count, two_admin_threshold_sats)
                VALUES (?1, ?2, ?3, 'PROPOSED', ?4, ?5, ?6) RETURNING id""")
                .setParameter(1, proposalKey).setParameter(2, part).setParameter(3, parts).setParameter(4, totalSats)
                .setParameter(5, lineCount).setParameter(6, threshold).getSingleResult()).longValue();
    }

    void insertLine(long batchId, PayoutLine line) {
        em.createNativeQuery("INSERT INTO payout_line (batch_id, account_id, position, address, amount_sats) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, batchId).setParameter(2, line.accountId()).setParameter(3, line.position())
                .setParameter(4, line.address()).setParameter(5, line.amountSats()).executeUpdate();
    }

    void deleteLine(long batchId, long accountId) {
        em.createNativeQuery("DELETE FROM payout_line WHERE batch_id = ?1 AND account_id = ?2")
                .setParameter(1, batchId).setParameter(2, accountId).executeUpdate();
    }

    void closeLines(long batchId) {
        em.createNativeQuery("UPDATE payout_line SET open = FALSE WHERE batch_id = ?1").setParameter(1, batchId).executeUpdate();
    }

    void insertApproval(long batchId, int revision, long adminId) {
        em.createNativeQuery("INSERT INTO payout_approval (batch_id, revision, admin_id) VALUES (?1, ?2, ?3)")
                .setParameter(1, batchId).setParameter(2, revision).setParameter(3, adminId).executeUpdate();
    }

    void insertTx(long batchId, int seq, SignedTransaction tx, long feeSats, int vsize, FeeEstimate basis) {
        em.createNativeQuery("""
                INSERT INTO payout_tx (txid, batch_id, seq, raw_tx, fee_sats, vsize, fee_source, fee_estimate_sat_per_vb,
                    fee_target_blocks) VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS TEXT), CAST(?8 AS BIGINT), CAST(?9 AS INTEGER))""")
                .setParameter(1, tx.txid()).setParameter(2, batchId).setParameter(3, seq).setParameter(4, tx.raw())
                .setParameter(5, feeSats).setParameter(6, vsize)
                .setParameter(7, basis == null ? null : basis.source().name())
                .setParameter(8, basis == null ? null : basis.estimateSatPerVb())
                .setParameter(9, basis == null ? null : basis.targetBlocks()).executeUpdate();
    }

    void insertEvent(long batchId, String kind, BatchState from, BatchState to, Long actorId, String detail,
                     Map<String, Object> facts) {
        em.createNativeQuery("""
                INSERT INTO payout_event (batch_id, kind, from_state, to_state, actor_id, detail, facts)
                VALUES (?1, ?2, ?3, ?4, CAST(?5 AS BIGINT), ?6, CAST(?7 AS jsonb))""")
                .setParameter(1, batchId).setParameter(2, kind).setParameter(3, from.name()).setParameter(4, to.name())
                .setParameter(5, actorId).setParameter(6, detail.length() > 1000 ? detail.substring(0, 1000) : detail)
                .setParameter(7, PayoutEventFacts.write(facts)).executeUpdate();
    }

    /**
     * Writes the state machine's new snapshot onto the row; timestamps of the milestones it reached. {@code ledgerEntryId}
     * is the entry that booked a CONFIRMED batch (kept while it stays CONFIRMED, cleared when it leaves that state).
     */
    void updateBatch(long batchId, BatchSnapshot next, Long feeSats, Long ledgerEntryId) {
        em.createNativeQuery("""
                UPDATE payout_batch SET state = CAST(?2 AS TEXT), revision = ?3, total_sats = ?4, txid = CAST(?5 AS TEXT), confirmed_txid = CAST(?6 AS TEXT),
                    fee_sats = COALESCE(CAST(?7 AS BIGINT), fee_sats), closing_reason = CAST(?8 AS TEXT), updated_at = now(),
                    ledger_entry_id = CASE WHEN ?2 = 'CONFIRMED' THEN COALESCE(CAST(?9 AS BIGINT), ledger_entry_id) END,
                    waiting_reason = CASE WHEN ?2 IN ('PROPOSED', 'APPROVED') THEN waiting_reason END,
                    waiting_code = CASE WHEN ?2 IN ('PROPOSED', 'APPROVED') THEN waiting_code END,
                    waiting_args = CASE WHEN ?2 IN ('PROPOSED', 'APPROVED') THEN waiting_args END,
                    signed_at = CASE WHEN CAST(?5 AS TEXT) IS NOT NULL THEN COALESCE(signed_at, now()) END,
                    broadcast_at = CASE WHEN ?2 IN ('BROADCAST', 'CONFIRMED') THEN COALESCE(broadcast_at, now()) ELSE broadcast_at END,
                    closed_at = CASE WHEN ?2 IN ('CONFIRMED', 'REJECTED', 'FAILED') THEN COALESCE(closed_at, now()) END
                WHERE id = ?1""")
                .setParameter(1, batchId).setParameter(2, next.state().name()).setParameter(3, next.revision())
                .setParameter(4, next.totalSats()).setParameter(5, next.signed() == null ? null : next.signed().txid())
                .setParameter(6, next.confirmedTxid()).setParameter(7, feeSats).setParameter(8, next.closingReason())
                .setParameter(9, ledgerEntryId).executeUpdate();
    }

    /** The ledger entry that booked a CONFIRMED batch; empty in any other state. */
    Optional<Long> ledgerEntry(long batchId) {
        Object id = em.createNativeQuery("SELECT ledger_entry_id FROM payout_batch WHERE id = ?1").setParameter(1, batchId)
                .getSingleResult();
        return Optional.ofNullable(id).map(n -> ((Number) n).longValue());
    }

    /** A reorg took the batch's confirmation away: when, and one more time. */
    void noteLeftChain(long batchId) {
        em.createNativeQuery("UPDATE payout_batch SET reorged_at = now(), reorg_count = reorg_count + 1 WHERE id = ?1")
                .setParameter(1, batchId).executeUpdate();
    }

    void updateLineCount(long batchId, int lineCount) {
        em.createNativeQuery("UPDATE payout_batch SET line_count = ?2 WHERE id = ?1")
                .setParameter(1, batchId).setParameter(2, lineCount).executeUpdate();
    }

    /** Notes why sending waits, without touching the state (no transition: information for admins). */
    void setWaiting(long batchId, BatchWait wait, String english) {
        em.createNativeQuery("""
                UPDATE payout_batch SET waiting_reason = CAST(?2 AS TEXT), waiting_code = CAST(?3 AS TEXT),
                    waiting_args = CAST(?4 AS TEXT) WHERE id = ?1""")
                .setParameter(1, batchId).setParameter(2, english.length() <= 500 ? english : english.substring(0, 500))
                .setParameter(3, wait.why().name()).setParameter(4, String.join(ARG_SEPARATOR, wait.args()))
                .executeUpdate();
    }

    /** What {@link #setWaiting} stored on the batch, if anything (a code this build no longer knows is skipped). */
    Optional<BatchWait> waiting(long batchId) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT waiting_code, waiting_args, id FROM payout_batch WHERE id = ?1")
                .setParameter(1, batchId).getResultStream().findFirst().orElse(null);
        if (row == null || row[0] == null) {
            return Optional.empty();
        }
        try {
            BatchWait.Why why = BatchWait.Why.valueOf((String) row[0]);
            String args = (String) row[1];
            return Optional.of(new BatchWait(why, args == null || args.isEmpty() ? List.of() : List.of(args.split(ARG_SEPARATOR, -1))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
