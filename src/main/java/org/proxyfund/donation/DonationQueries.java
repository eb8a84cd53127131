package org.proxyfund.donation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/** Public reads of donations for transparency, exports and receipts; the reconciler alone writes payments. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DonationQueries {

    /** Confirmed donation payments: their number and satoshis. */
    public record Totals(long confirmedSats, int confirmedCount) {
    }

    @Inject
    EntityManager em;

    /** What donors gave that the chain confirms now (payments a reorg took back are not counted). */
    public Totals confirmed() {
        Object[] r = (Object[]) em.createNativeQuery(
                "SELECT coalesce(sum(amount_sats), 0), count(*) FROM donation_payment WHERE status = 'CONFIRMED'").getSingleResult();
        return new Totals(((Number) r[0]).longValue(), ((Number) r[1]).intValue());
    }

    /** Payments of one donation, oldest first. */
    public List<DonationPayment> payments(String donationId) {
        return select(" WHERE p.donation_id = ?1 ORDER BY p.first_seen_at, p.txid, p.vout", donationId, Integer.MAX_VALUE);
    }

    /** Every payment in the order it was first seen, at most {@code limit} (for the accounting export). */
    public List<DonationPayment> all(int limit) {
        return select(" WHERE CAST(?1 AS text) = ?1 ORDER BY p.first_seen_at, p.txid, p.vout", "x", limit);
    }

    @SuppressWarnings("unchecked")
    private List<DonationPayment> select(String where, Object parameter, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT p.donation_id, p.txid, p.vout, d.address, p.amount_sats, p.confirmations, p.status, p.first_seen_at, d.message
                FROM donation_payment p JOIN donation d ON d.id = p.donation_id """ + where)
                .setParameter(1, parameter).setMaxResults(limit).getResultList();
        return rows.stream().map(r -> new DonationPayment((String) r[0], (String) r[1], ((Number) r[2]).intValue(),
                (String) r[3], ((Number) r[4]).longValue(), ((Number) r[5]).intValue(), (String) r[6], (Instant) r[7], (String) r[8])).toList();
    }
}
