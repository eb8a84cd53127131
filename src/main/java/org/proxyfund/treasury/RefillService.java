package org.proxyfund.treasury;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.proxyfund.common.db.Sql;
import org.proxyfund.ledger.LedgerService;
import org.proxyfund.wallet.ReceivedOutput;
import org.proxyfund.wallet.WalletService;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Refills of the hot float from cold storage: the address the admins pay (a hot receive address of its own, shown on
 * the payouts page, a new one once the last has been paid), and the watching: each output to a refill address is
 * booked cold_storage → wallet while it is confirmed at the depth given, and reversed if a reorg takes it out.
 */
@ApplicationScoped
public class RefillService {

    private static final Logger LOG = Logger.getLogger(RefillService.class);

    @Inject
    Sql sql;
    @Inject
    WalletService wallet;
    @Inject
    LedgerService ledger;

    /** The address for the next refill: the newest one handed out while nothing has paid it, else a fresh one. */
    @Transactional
    public String refillAddress() {
        return sql.one("SELECT a.address FROM treasury_refill_address a WHERE NOT EXISTS"
                        + " (SELECT 1 FROM treasury_refill r WHERE r.address = a.address) ORDER BY a.created_at DESC LIMIT 1",
                rs -> rs.getString(1)).orElseGet(() -> {
            String fresh = wallet.freshReceiveAddress();
            sql.update("INSERT INTO treasury_refill_address(address) VALUES (?)", fresh);
            return fresh;
        });
    }

    /** Books what reached {@code depth} confirmations and reverses what a reorg took away; returns the bookings made. */
    @Transactional
    public int reconcile(int depth) {
        if (!wallet.running()) {
            return 0;
        }
        Set<String> addresses = new HashSet<>(sql.query("SELECT address FROM treasury_refill_address", rs -> rs.getString(1)));
        if (addresses.isEmpty()) {
            return 0;
        }
        Map<String, Long> booked = new HashMap<>();
        Set<String> known = new HashSet<>();
        sql.query("SELECT txid, vout, ledger_entry_id FROM treasury_refill", rs -> {
            String key = rs.getString(1) + ":" + rs.getInt(2);
            known.add(key);
            long entry = rs.getLong(3);
            if (!rs.wasNull()) {
                booked.put(key, entry);
            }
            return key;
        });
        int made = 0;
        List<ReceivedOutput> outputs = wallet.receivedOutputs();
        for (ReceivedOutput o : outputs) {
            if (!addresses.contains(o.address())) {
                continue;
            }
            String key = o.txid() + ":" + o.vout();
            boolean confirmed = !o.gone() && o.confirmations() >= depth;
            if (!known.contains(key)) {
                sql.update("INSERT INTO treasury_refill(txid, vout, address, sats) VALUES (?, ?, ?, ?)",
                        o.txid(), o.vout(), o.address(), o.amountSats());
            }
            if (confirmed && !booked.containsKey(key)) {
                long entry = ledger.postRefillConfirmed("refill " + key + " to " + o.address(), o.amountSats());
                sql.update("UPDATE treasury_refill SET ledger_entry_id = ? WHERE txid = ? AND vout = ?", entry, o.txid(), o.vout());
                LOG.infof("refill of the hot float from cold storage confirmed: %d sats in %s", o.amountSats(), key);
                made++;
            } else if (!confirmed && booked.containsKey(key)) {
                ledger.reverse(booked.get(key), "reorg: refill " + key + " left the chain");
                sql.update("UPDATE treasury_refill SET ledger_entry_id = NULL WHERE txid = ? AND vout = ?", o.txid(), o.vout());
                LOG.errorf("refill %s left the chain: its booking is reversed", key);
            }
        }
        return made;
    }

    /** One output paid to a refill address; {@code booked} while it counts (confirmed at the depth). */
    public record Refill(String txid, int vout, String address, long sats, boolean booked) {
    }

    /** The refills seen, newest first, at most {@code limit}. */
    public List<Refill> newest(int limit) {
        return sql.query("SELECT txid, vout, address, sats, ledger_entry_id IS NOT NULL FROM treasury_refill"
                        + " ORDER BY seen_at DESC, txid, vout LIMIT ?",
                rs -> new Refill(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getLong(4), rs.getBoolean(5)), limit);
    }
}
