package org.proxyfund.ledger;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.proxyfund.common.db.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
    Sql sql;

    /** One group of kindTotals' query: entries of a kind, reversed or not, their number and wallet sum. */
    private record KindRow(String kind, boolean reversed, long count, long walletSats) {
    }

    /** Per entry kind (DONATION_CONFIRMED, PAYOUT_CONFIRMED, …): standing and reversed entries and their wallet sums. */
    public Map<String, KindTotals> kindTotals() {
        List<KindRow> rows = sql.query("""
                SELECT e.kind, r.id IS NOT NULL, count(*), coalesce(sum(w.amount_sats), 0)
                FROM ledger_entry e
                LEFT JOIN ledger_line w ON w.entry_id = e.id AND w.account = 'wallet'
                LEFT JOIN ledger_entry r ON r.reverses_id = e.id
                WHERE e.kind <> 'REVERSAL' GROUP BY 1, 2""",
                rs -> new KindRow(rs.getString(1), rs.getBoolean(2), rs.getLong(3), rs.getLong(4)));
        Map<String, long[]> acc = new LinkedHashMap<>();
        for (KindRow r : rows) {
            long[] a = acc.computeIfAbsent(r.kind(), k -> new long[4]);
            int at = r.reversed() ? 2 : 0;
            a[at] += r.count();
            a[at + 1] += r.walletSats();
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

    private Map<Long, Long> payable(LedgerAccount only) {
        String query = "SELECT account, -sum(amount_sats) FROM ledger_line WHERE account LIKE ?"
                + (only == null ? "" : " AND account = ?") + " GROUP BY account";
        Object[] params = only == null ? new Object[] {LedgerAccount.operatorPayablePattern()}
                : new Object[] {LedgerAccount.operatorPayablePattern(), only.name()};
        Map<Long, Long> out = new TreeMap<>();
        sql.query(query, rs -> Map.entry(new LedgerAccount(rs.getString(1)), rs.getLong(2)), params)
                .forEach(e -> e.getKey().operatorId().ifPresent(id -> out.put(id, e.getValue())));
        return out;
    }

    /** Number of entries in the journal. */
    public long count() {
        return sql.one("SELECT count(*) FROM ledger_entry", rs -> rs.getLong(1)).orElse(0L);
    }

    /** Entries with {@code id} below {@code beforeId} (all when null), newest first, at most {@code limit}, with their lines. */
    public List<Entry> journal(Long beforeId, int limit) {
        return withLines(sql.query("""
                SELECT e.id, e.kind, e.reference, e.reverses_id, r.id, e.created_at FROM ledger_entry e
                LEFT JOIN ledger_entry r ON r.reverses_id = e.id
                WHERE e.id < ? ORDER BY e.id DESC LIMIT ?""", LedgerQueries::head,
                beforeId == null ? Long.MAX_VALUE : beforeId, limit));
    }

    /** Entries in posting order from {@code afterId} (exclusive), at most {@code limit}, with their lines (for exports). */
    public List<Entry> ascending(long afterId, int limit) {
        return withLines(sql.query("""
                SELECT e.id, e.kind, e.reference, e.reverses_id, r.id, e.created_at FROM ledger_entry e
                LEFT JOIN ledger_entry r ON r.reverses_id = e.id
                WHERE e.id > ? ORDER BY e.id LIMIT ?""", LedgerQueries::head, afterId, limit));
    }

    /** An entry's head, its lines still empty. */
    private static Entry head(ResultSet rs) throws SQLException {
        return new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, Long.class),
                rs.getObject(5, Long.class), rs.getObject(6, OffsetDateTime.class).toInstant(), List.of());
    }

    /** One line with its entry's id. */
    private record EntryLine(long entryId, Line line) {
    }

    private List<Entry> withLines(List<Entry> heads) {
        if (heads.isEmpty()) {
            return List.of();
        }
        List<Long> ids = heads.stream().map(Entry::id).toList();
        Map<Long, List<Line>> byEntry = new LinkedHashMap<>();
        sql.query("SELECT entry_id, account, amount_sats FROM ledger_line WHERE entry_id = ANY (?) ORDER BY entry_id, id",
                rs -> new EntryLine(rs.getLong(1), new Line(rs.getString(2), rs.getLong(3))), ids)
                .forEach(l -> byEntry.computeIfAbsent(l.entryId(), k -> new ArrayList<>()).add(l.line()));
        List<Entry> out = new ArrayList<>(heads.size());
        for (Entry h : heads) {
            out.add(new Entry(h.id(), h.kind(), h.reference(), h.reversesId(), h.reversedById(), h.createdAt(),
                    byEntry.getOrDefault(h.id(), List.of())));
        }
        return out;
    }
}
