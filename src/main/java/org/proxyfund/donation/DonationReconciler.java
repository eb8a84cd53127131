package org.proxyfund.donation;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.proxyfund.ledger.LedgerService;
import org.proxyfund.wallet.ReceivedOutput;
import org.proxyfund.wallet.WalletService;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Brings donations in line with what the wallet sees: each output to a donation address is a payment
 * (SEEN, CONFIRMED at the required depth, or GONE); a payment is in the ledger exactly while CONFIRMED,
 * so a reorg posts a reversing entry. Runs on wallet events and on a schedule; one replica at a time.
 */
@ApplicationScoped
public class DonationReconciler {

    private static final Logger LOG = Logger.getLogger(DonationReconciler.class);
    private static final long LOCK_KEY = 0x5052_4f58_444f_4e01L;

    @Inject
    WalletService wallet;
    @Inject
    DonationService donations;
    @Inject
    LedgerService ledger;
    @Inject
    EntityManager em;
    @Inject
    DonationReconciler self;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "donation-reconciler"));
    private final AtomicBoolean queued = new AtomicBoolean();

    void onStart(@Observes StartupEvent event) {
        wallet.addListener(this::requestRun);
    }

    /** Coalesces bursts of wallet events into one run. */
    void requestRun() {
        if (queued.compareAndSet(false, true)) {
            worker.submit(() -> {
                queued.set(false);
                runSafely();
            });
        }
    }

    @Scheduled(every = "${proxyfund.donation.reconcile-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (wallet.running()) {
            runSafely();
        }
        donations.expireOld();
    }

    private void runSafely() {
        try {
            self.reconcile();
        } catch (RuntimeException e) {
            LOG.warn("Donation reconciliation failed; the next run retries", e);
        }
    }

    /** One pass over the wallet's received outputs. */
    @Transactional
    public void reconcile() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, LOCK_KEY).getSingleResult();
        List<ReceivedOutput> outputs = wallet.receivedOutputs();
        Map<String, Donation> byAddress = new HashMap<>();
        for (Donation d : Donation.byAddresses(outputs.stream().map(ReceivedOutput::address).distinct().toList())) {
            byAddress.put(d.address, d);
        }
        int required = donations.confirmationsRequired();
        Set<Donation> touched = new HashSet<>();
        for (ReceivedOutput o : outputs) {
            Donation d = byAddress.get(o.address());
            if (d != null && apply(d, o, required)) {
                touched.add(d);
            }
        }
        for (Donation d : touched) {
            recompute(d);
        }
    }

    private boolean apply(Donation d, ReceivedOutput o, int required) {
        String status = o.gone() ? "GONE" : o.confirmations() >= required ? "CONFIRMED" : "SEEN";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT status, ledger_entry_id, confirmations FROM donation_payment WHERE txid = ?1 AND vout = ?2 FOR UPDATE")
                .setParameter(1, o.txid()).setParameter(2, o.vout()).getResultList();
        Object[] row = rows.isEmpty() ? null : rows.get(0);
        if (row != null && row[0].equals(status) && ((Number) row[2]).intValue() == o.confirmations()) {
            return false;
        }
        Long entry = row == null || row[1] == null ? null : ((Number) row[1]).longValue();
        String reference = "donation " + d.id + " " + o.txid() + ":" + o.vout();
        if (status.equals("CONFIRMED") && entry == null) {
            entry = ledger.postDonationConfirmed(reference, o.amountSats());
        } else if (!status.equals("CONFIRMED") && entry != null) {
            ledger.reverse(entry, "reversed (" + status.toLowerCase() + " after reorg or double-spend): " + reference);
            entry = null;
            LOG.warnf("Donation payment %s:%d is no longer confirmed (%s); ledger entry reversed, the donor is told on"
                    + " the donation page", o.txid(), o.vout(), status);
        }
        // left_chain_at: the payment was in a block (confirmations >= 1) and is in none now; the donor is told.
        em.createNativeQuery("""
                        INSERT INTO donation_payment(txid, vout, donation_id, amount_sats, confirmations, status, ledger_entry_id)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                        ON CONFLICT (txid, vout) DO UPDATE SET confirmations = EXCLUDED.confirmations,
                            status = EXCLUDED.status, ledger_entry_id = EXCLUDED.ledger_entry_id, updated_at = now(),
                            left_chain_at = CASE WHEN EXCLUDED.confirmations >= 1 THEN NULL
                                                 WHEN donation_payment.confirmations >= 1 THEN now()
                                                 ELSE donation_payment.left_chain_at END""")
                .setParameter(1, o.txid()).setParameter(2, o.vout()).setParameter(3, d.id).setParameter(4, o.amountSats())
                .setParameter(5, o.confirmations()).setParameter(6, status).setParameter(7, entry).executeUpdate();
        return true;
    }

    private void recompute(Donation d) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT status, amount_sats FROM donation_payment WHERE donation_id = ?1").setParameter(1, d.id).getResultList();
        long received = 0;
        long confirmed = 0;
        boolean pending = false;
        for (Object[] r : rows) {
            long amount = ((Number) r[1]).longValue();
            switch ((String) r[0]) {
                case "CONFIRMED" -> {
                    received += amount;
                    confirmed += amount;
                }
                case "SEEN" -> {
                    received += amount;
                    pending = true;
                }
                default -> { }
            }
        }
        d.receivedSats = received;
        d.confirmedSats = confirmed;
        DonationStatus next = pending ? DonationStatus.SEEN : confirmed > 0 ? DonationStatus.CONFIRMED
                : d.status == DonationStatus.EXPIRED ? DonationStatus.EXPIRED : DonationStatus.WAITING;
        donations.transitionTo(d, next);
    }
}
