package org.proxyfund.payout;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** SQL of payout_psbt (the PSBTs offered for signing) and of who signed a batch; package-private to payout. */
@ApplicationScoped
class PsbtRepository {

    @Inject
    EntityManager em;

    /** Stores the batch's next PSBT revision (the caller holds the batch row lock); returns its revision. */
    int insert(long batchId, String txid, byte[] psbt, long feeSats, int vsize) {
        Number next = (Number) em.createNativeQuery("SELECT COALESCE(MAX(revision), 0) + 1 FROM payout_psbt WHERE batch_id = ?1")
                .setParameter(1, batchId).getSingleResult();
        em.createNativeQuery("INSERT INTO payout_psbt (batch_id, revision, txid, psbt, fee_sats, vsize) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, batchId).setParameter(2, next.intValue()).setParameter(3, txid).setParameter(4, psbt)
                .setParameter(5, feeSats).setParameter(6, vsize).executeUpdate();
        return next.intValue();
    }

    /** Every PSBT of the batch, oldest revision first. */
    @SuppressWarnings("unchecked")
    List<PayoutPsbt> all(long batchId) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT batch_id, revision, txid, psbt, fee_sats, vsize, created_at FROM payout_psbt WHERE batch_id = ?1 ORDER BY revision""")
                .setParameter(1, batchId).getResultList();
        return rows.stream().map(r -> new PayoutPsbt(((Number) r[0]).longValue(), ((Number) r[1]).intValue(), (String) r[2],
                (byte[]) r[3], ((Number) r[4]).longValue(), ((Number) r[5]).intValue(), instant(r[6]))).toList();
    }

    /** The admin whose upload signed the batch, when an admin did (not the hot wallet). */
    @SuppressWarnings("unchecked")
    Optional<Long> signer(long batchId) {
        List<Number> rows = em.createNativeQuery("""
                SELECT actor_id FROM payout_event WHERE batch_id = ?1 AND kind = 'Signed' AND actor_id IS NOT NULL ORDER BY id LIMIT 1""")
                .setParameter(1, batchId).getResultList();
        return rows.stream().findFirst().map(Number::longValue);
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime o ? o.toInstant() : value instanceof Instant i ? i : ((java.sql.Timestamp) value).toInstant();
    }
}
