package org.proxyfund.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The single writer of the double-entry ledger. An entry's lines sum to zero (debits positive,
 * credits negative); the database re-checks that at commit and refuses updates and deletes.
 */
@ApplicationScoped
public class LedgerService {

    public static final String WALLET = "wallet";
    public static final String DONATIONS = "donations";
    public static final String MINER_FEES = "miner_fees";
    public static final String RESERVE = "reserve";
    /** What the hot float swept to the cold wallet's addresses (the service holds no key to them). */
    public static final String COLD_STORAGE = "cold_storage";
    /** Prefix of every operator's payable account, for the ledger's own SQL; other packages use {@link LedgerAccount}. */
    static final String OPERATOR_PAYABLE_PREFIX = "operator_payable:";

    @Inject
    EntityManager em;

    /** Books a confirmed donation payment: wallet debit, donations credit. Returns the entry id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long postDonationConfirmed(String reference, long sats) {
        Map<String, Long> lines = new LinkedHashMap<>();
        lines.put(WALLET, sats);
        lines.put(DONATIONS, -sats);
        return post("DONATION_CONFIRMED", reference, null, lines);
    }

    /**
     * Books a confirmed payout transaction: each operator's payable is debited by what they were paid, the wallet
     * credited by everything that left it (payouts + miner fee), the fee booked to miner_fees. Returns the entry id.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long postPayoutConfirmed(String reference, Map<Long, Long> paidByAccount, long feeSats) {
        Map<String, Long> lines = new LinkedHashMap<>();
        long total = 0;
        for (Map.Entry<Long, Long> paid : paidByAccount.entrySet()) {
            lines.merge(LedgerAccount.operatorPayable(paid.getKey()).name(), paid.getValue(), Math::addExact);
            total = Math.addExact(total, paid.getValue());
        }
        if (feeSats > 0) {
            lines.put(MINER_FEES, feeSats);
        }
        lines.put(WALLET, -Math.addExact(total, feeSats));
        return post("PAYOUT_CONFIRMED", reference, null, lines);
    }

    /**
     * Books a confirmed sweep of the hot float: {@code cold_storage} debited by what the cold address received, the
     * fee to {@code miner_fees}, the hot wallet's account ({@code wallet}) credited by both. Returns the entry id.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long postSweepConfirmed(String reference, long sweptSats, long feeSats) {
        if (sweptSats <= 0 || feeSats < 0) {
            throw new IllegalArgumentException("a sweep moves something and its fee is not negative");
        }
        Map<String, Long> lines = new LinkedHashMap<>();
        lines.put(COLD_STORAGE, sweptSats);
        if (feeSats > 0) {
            lines.put(MINER_FEES, feeSats);
        }
        lines.put(WALLET, -Math.addExact(sweptSats, feeSats));
        return post("SWEEP_CONFIRMED", reference, null, lines);
    }

    /** Books a confirmed refill of the hot float from cold storage: {@code wallet} debited, {@code cold_storage} credited. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long postRefillConfirmed(String reference, long sats) {
        if (sats <= 0) {
            throw new IllegalArgumentException("a refill moves something");
        }
        Map<String, Long> lines = new LinkedHashMap<>();
        lines.put(WALLET, sats);
        lines.put(COLD_STORAGE, -sats);
        return post("REFILL_CONFIRMED", reference, null, lines);
    }

    /**
     * Books an epoch's settlement (reference = epoch key): {@code donations} debited by the total, each operator's
     * {@code operator_payable:<id>} credited by their amount (amounts of 0 are skipped). Returns the entry id.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long postSettlement(String epochKey, Map<Long, Long> amountsByOperator) {
        Map<String, Long> lines = new LinkedHashMap<>();
        long total = 0;
        for (Map.Entry<Long, Long> a : amountsByOperator.entrySet()) {
            if (a.getValue() < 0) {
                throw new IllegalArgumentException("settlement amount of operator " + a.getKey() + " is negative: " + a.getValue());
            }
            if (a.getValue() > 0) {
                lines.put(LedgerAccount.operatorPayable(a.getKey()).name(), -a.getValue());
                total = Math.addExact(total, a.getValue());
            }
        }
        Map<String, Long> all = new LinkedHashMap<>();
        all.put(DONATIONS, total);
        all.putAll(lines);
        return post("SETTLEMENT", epochKey, null, all);
    }

    /** Posts the mirror image of an entry (e.g. a payment a reorg removed). Returns the reversing entry's id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long reverse(long entryId, String why) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT account, amount_sats FROM ledger_line WHERE entry_id = ?1 ORDER BY id")
                .setParameter(1, entryId).getResultList();
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no ledger entry " + entryId);
        }
        Map<String, Long> lines = new LinkedHashMap<>();
        for (Object[] r : rows) {
            lines.merge((String) r[0], -((Number) r[1]).longValue(), Long::sum);
        }
        return post("REVERSAL", why, entryId, lines);
    }

    private long post(String kind, String reference, Long reverses, Map<String, Long> lines) {
        long sum = lines.values().stream().mapToLong(Long::longValue).sum();
        if (sum != 0 || lines.size() < 2) {
            throw new IllegalArgumentException("unbalanced ledger entry " + kind + " " + reference + ": " + lines);
        }
        long id = ((Number) em.createNativeQuery(
                        "INSERT INTO ledger_entry(kind, reference, reverses_id) VALUES (?1, ?2, ?3) RETURNING id")
                .setParameter(1, kind).setParameter(2, reference).setParameter(3, reverses).getSingleResult()).longValue();
        // one statement for all lines: a settlement has one line per paid operator (tens of thousands)
        String[] accounts = lines.keySet().toArray(new String[0]);
        Long[] amounts = lines.values().toArray(new Long[0]);
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ledger_line(entry_id, account, amount_sats)"
                    + " SELECT ?, a, s FROM unnest(?::text[], ?::bigint[]) AS l(a, s)")) {
                ps.setLong(1, id);
                ps.setArray(2, c.createArrayOf("text", accounts));
                ps.setArray(3, c.createArrayOf("bigint", amounts));
                ps.executeUpdate();
            }
        });
        return id;
    }

    /** Balance per account (debits positive). */
    @Transactional
    public Map<String, Long> balances() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT account, SUM(amount_sats) FROM ledger_line GROUP BY account ORDER BY account").getResultList();
        Map<String, Long> out = new LinkedHashMap<>();
        for (Object[] r : rows) {
            out.put((String) r[0], ((Number) r[1]).longValue());
        }
        return out;
    }

    /** Sum of every line in the ledger: zero unless something is badly wrong. */
    @Transactional
    public long total() {
        return ((Number) em.createNativeQuery("SELECT COALESCE(SUM(amount_sats), 0) FROM ledger_line").getSingleResult()).longValue();
    }
}
