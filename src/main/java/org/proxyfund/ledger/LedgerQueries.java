package org.proxyfund.ledger;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Public reads of the ledger: what each kind of entry moved (and how much was reversed), and the journal. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LedgerQueries {

    /**
     * Entries of one kind and what they moved in the wallet account: those standing and those a later entry reversed.
     * Wallet amounts are debits (+) for money in, credits (−) for money out.
     */
    public record KindTotals(String kind, int standing, long standingWalletSats, int reversed, long reversedWalletSats) {
    }

    /** One journal entry with its lines (debits positive), and the entry that reversed it, if any. */
    public record Entry(long id, String kind, @Schema(nullable = true) String reference, @Schema(nullable = true) Long reversesId,
                        @Schema(nullable = true) Long reversedById, Instant createdAt,
                        List<Line> lines) {
    }

    /** One line of an entry. */
    public record Line(String account, long amountSats) {
    }

    @Inject
    EntityManager em;

    /** Per entry kind (DONATION_CONFIRMED, PAYOUT_CONFIRMED, …): standing and reversed entries and their wallet sums. */
    @SuppressWarnings("unchecked")
    public Map<String, KindTotals> kindTotals() {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT e.kind, r.id IS NOT NULL, count(*), coalesce(sum(w.amount_sats), 0)
                FROM ledger_entry e
                LEFT JOIN ledger_line w ON w.entry_id = e.id AND w.account = 'wallet'
                LEFT JOIN ledger_entry r ON r.reverses_id = e.id
                WHERE e.kind <> 'REVERSAL' GROUP BY 1, 2""").getResultList();
        Map<String, long[]> acc = new LinkedHashMap<>();
        for (Object[] r : rows) {
            long[] a = acc.computeIfAbsent((String) r[0], k -> new long[4]);
            int at = (Boolean) r[1] ? 2 : 0;
            a[at] += ((Number) r[2]).longValue();
            a[at + 1] += ((Number) r[3]).longValue();
        }
        Map<String, KindTotals> out = new LinkedHashMap<>();
        acc.forEach((k, a) -> out.put(k, new KindTotals(k, (int) a[0], a[1], (int) a[2], a[3])));
        return out;
    }

    /**
     * What the service owes each operator now: minus the balance of their {@link LedgerAccount#operatorPayable payable}
     * account (credits are negative), by operator id in id order, for every operator that ever had a payable line.
     * The one place this balance is computed (settlement's earnings page and payout's proposals both read it here).
     */
    public Map<Long, Long> payableSats() {
        return payable(null);
    }

    /** What the service owes one operator now (0 when nothing was ever booked to them). */
    public long payableSats(long operatorId) {
        return payable(LedgerAccount.operatorPayable(operatorId)).getOrDefault(operatorId, 0L);
    }

    @SuppressWarnings("unchecked")
    private Map<Long, Long> payable(LedgerAccount only) {
        var q = em.createNativeQuery("SELECT account, -sum(amount_sats) FROM ledger_line WHERE account LIKE ?1"
                + (only == null ? "" : " AND account = ?2") + " GROUP BY account")
                .setParameter(1, LedgerAccount.operatorPayablePattern());
        if (only != null) {
            q.setParameter(2, only.name());
        }
        Map<Long, Long> out = new java.util.TreeMap<>();
        for (Object[] r : (List<Object[]>) q.getResultList()) {
            new LedgerAccount((String) r[0]).operatorId().ifPresent(id -> out.put(id, ((Number) r[1]).longValue()));
        }
        return out;
    }

    /** Number of entries in the journal. */
    public long count() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM ledger_entry").getSingleResult()).longValue();
    }

    /** Entries with {@code id} below {@code beforeId} (all when null), newest first, at most {@code limit}, with their lines. */
    @SuppressWarnings("unchecked")
    public List<Entry> journal(Long beforeId, int limit) {
        List<Object[]> heads = em.createNativeQuery("""
                SELECT e.id, e.kind, e.reference, e.reverses_id, r.id, e.created_at FROM ledger_entry e
                LEFT JOIN ledger_entry r ON r.reverses_id = e.id
                WHERE e.id < ?1 ORDER BY e.id DESC""").setParameter(1, beforeId == null ? Long.MAX_VALUE : beforeId)
                .setMaxResults(limit).getResultList();
        return withLines(heads);
    }

    /** Entries in posting order from {@code afterId} (exclusive), at most {@code limit}, with their lines (for exports). */
    @SuppressWarnings("unchecked")
    public List<Entry> ascending(long afterId, int limit) {
        List<Object[]> heads = em.createNativeQuery("""
                SELECT e.id, e.kind, e.reference, e.reverses_id, r.id, e.created_at FROM ledger_entry e
                LEFT JOIN ledger_entry r ON r.reverses_id = e.id
                WHERE e.id > ?1 ORDER BY e.id""").setParameter(1, afterId).setMaxResults(limit).getResultList();
        return withLines(heads);
    }

    @SuppressWarnings("unchecked")
    private List<Entry> withLines(List<Object[]> heads) {
        if (heads.isEmpty()) {
            return List.of();
        }
        List<Long> ids = heads.stream().map(h -> ((Number) h[0]).longValue()).toList();
        List<Object[]> lines = em.createNativeQuery(
                "SELECT entry_id, account, amount_sats FROM ledger_line WHERE entry_id = ANY (CAST(?1 AS bigint[])) ORDER BY entry_id, id")
                .setParameter(1, "{" + String.join(",", ids.stream().map(String::valueOf).toList()) + "}").getResultList();
        Map<Long, List<Line>> byEntry = new LinkedHashMap<>();
        for (Object[] l : lines) {
            byEntry.computeIfAbsent(((Number) l[0]).longValue(), k -> new ArrayList<>())
                    .add(new Line((String) l[1], ((Number) l[2]).longValue()));
        }
        List<Entry> out = new ArrayList<>(heads.size());
        for (Object[] h : heads) {
            long id = ((Number) h[0]).longValue();
            out.add(new Entry(id, (String) h[1], (String) h[2], h[3] == null ? null : ((Number) h[3]).longValue(),
                    h[4] == null ? null : ((Number) h[4]).longValue(), (Instant) h[5], byEntry.getOrDefault(id, List.of())));
        }
        return out;
    }
}
