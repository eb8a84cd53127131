package org.proxyfund.payout;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.proxyfund.donation.DonationConfig;
import org.proxyfund.donation.DonationService;
import org.proxyfund.ledger.LedgerService;
import org.proxyfund.wallet.BitcoinConfig;
import org.proxyfund.settlement.Epoch;
import org.proxyfund.settlement.SettlementService;
import org.proxyfund.wallet.WalletRestart;
import org.proxyfund.wallet.WalletService;
import org.proxyfund.wallet.testing.RegtestNode;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The simulation's moves, each through the real services (the same calls the pages, trigger and worker make). */
@ApplicationScoped
class SimulationSteps {


    @Inject
    PayoutService payouts;
    @Inject
    PayoutQueries queries;
    @Inject
    LedgerService ledger;
    @Inject
    WalletService wallet;
    @Inject
    DonationService donations;
    @Inject
    DonationConfig donationConfig;
    @Inject
    BitcoinConfig bitcoin;
    @Inject
    EntityManager em;
    @Inject
    PayoutWalletFixture chain;
    @Inject
    PayoutSender sender;
    @Inject
    PayoutTracker tracker;
    @Inject
    PayoutReconciler reconciler;
    @Inject
    SettlementService settlements;

    private Epoch nextEpoch;

    final RegtestNode node = RegtestNode.shared();

    boolean donate(long sats) {
        if (!(donations.create(null, null) instanceof DonationService.CreateResult.Created created)) {
            return false;
        }
        node.sendToAddress(created.donation().address, sats);
        return true;
    }

    /** Drops the tip block; bcoin forgets its transactions when its mempool is empty, so some payments vanish. */
    boolean reorg() {
        node.invalidateBlock(node.bestBlockHash());
        node.mine(2);
        return true;
    }

    boolean approveSome(Random random, List<Long> admins, boolean stale) {
        List<PayoutBatchView> open = queries.inStates(List.of(BatchState.PROPOSED), 50);
        if (open.isEmpty()) {
            return false;
        }
        PayoutBatchView b = open.get(random.nextInt(open.size()));
        int revision = stale ? Math.max(1, b.revision() - 1 - random.nextInt(2)) : b.revision();
        PayoutOutcome outcome = payouts.approve(b.id(), admins.get(random.nextInt(admins.size())), revision);
        return outcome instanceof PayoutOutcome.Done;
    }

    boolean rejectSome(Random random, List<Long> admins) {
        List<PayoutBatchView> open = queries.inStates(List.of(BatchState.PROPOSED, BatchState.APPROVED, BatchState.SIGNED), 50);
        if (open.isEmpty()) {
            return false;
        }
        PayoutBatchView b = open.get(random.nextInt(open.size()));
        return payouts.reject(b.id(), admins.getFirst(), "simulated rejection") instanceof PayoutOutcome.Done;
    }

    boolean removeSome(Random random, List<Long> admins) {
        List<PayoutBatchView> open = queries.inStates(List.of(BatchState.PROPOSED, BatchState.APPROVED), 50);
        if (open.isEmpty()) {
            return false;
        }
        PayoutBatchView b = open.get(random.nextInt(open.size()));
        List<PayoutLine> lines = queries.lines(b.id());
        return payouts.removeLine(b.id(), lines.get(random.nextInt(lines.size())).accountId(), admins.getLast())
                instanceof PayoutOutcome.Done;
    }

    boolean send() {
        return sender.sendApproved() > 0;
    }

    boolean track() {
        return tracker.track() > 0;
    }

    /** A crash of the service: the wallet reopens from its file and the reconciler brings every batch to its truth. */
    boolean crash() {
        WalletRestart.restart(wallet);
        awaitSynced(node.blockCount());
        reconciler.reconcile();
        return true;
    }

    /** Settles the next simulated epoch from rollups written for the operators' endpoints (random uptimes). */
    boolean settle(Random random, List<Long> endpoints) {
        if (nextEpoch == null) {
            nextEpoch = settlements.calendar().epochContaining(java.time.Instant.parse("2031-01-06T00:00:00Z"));
        }
        Epoch epoch = nextEpoch;
        nextEpoch = settlements.calendar().next(epoch);
        QuarkusTransaction.requiringNew().run(() -> {
            for (long endpoint : endpoints) {
                int up = 80 + random.nextInt(21);
                em.createNativeQuery("""
                        INSERT INTO check_rollup_hourly (endpoint_id, hour_start, up_count, down_count, unknown_count, weak_up_count)
                        VALUES (?1, ?2, ?3, ?4, 0, 0)""").setParameter(1, endpoint)
                        .setParameter(2, epoch.start().atOffset(java.time.ZoneOffset.UTC)).setParameter(3, up)
                        .setParameter(4, 100 - up).executeUpdate();
            }
        });
        return settlements.settle(epoch, epoch.end()).settlement() != null;
    }

    /** An approved SOCKS5 endpoint of the operator, for its rollups. */
    long endpoint(long accountId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                INSERT INTO endpoint (account_id, type, label, host, port, region, protocol_fields, credential_enc, state,
                    address_version) VALUES (?1, 'SOCKS5', 'sim', ?2, 1080, 'IR', '{}', 'v1:x', 'APPROVED', 1) RETURNING id""")
                .setParameter(1, accountId).setParameter(2, "sim-" + accountId + ".example").getSingleResult()).longValue());
    }

    long confirmedBalance() {
        return wallet.balance(donationConfig.confirmationsOn(bitcoin.network())).confirmedSats();
    }

    void awaitSynced(int height) {
        chain.awaitSynced();
    }

    int inFlight() {
        return queries.inStates(List.of(BatchState.SIGNED, BatchState.BROADCAST), 10_000).size();
    }

    int batchCount(BatchState state) {
        return queries.inStates(List.of(state), 100_000).size();
    }

    /** Σ amounts of CONFIRMED lines per address, for the given operators. */
    Map<String, Long> confirmedLinesByAddress(Collection<Long> operators) {
        Map<String, Long> out = new HashMap<>();
        for (PayoutBatchView b : queries.inStates(List.of(BatchState.CONFIRMED), 100_000)) {
            for (PayoutLine l : queries.lines(b.id())) {
                if (operators.contains(l.accountId())) {
                    out.merge(l.address(), l.amountSats(), Long::sum);
                }
            }
        }
        return out;
    }
}
