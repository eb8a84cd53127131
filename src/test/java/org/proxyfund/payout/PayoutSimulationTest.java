package org.proxyfund.payout;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.SegwitAddress;
import org.junit.jupiter.api.Test;
import org.proxyfund.donation.DonationReconciler;
import org.proxyfund.donation.DonationService;
import org.proxyfund.ledger.LedgerService;
import org.proxyfund.wallet.WalletService;
import org.proxyfund.wallet.testing.RegtestNode;
import org.proxyfund.wallet.testing.WalletTestProfile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A randomized simulation of the whole money path on the real regtest node: donations, settlements, proposals,
 * approvals (also stale and repeated), rejections, line removals, sending, crashes, mining and reorgs. Afterwards
 * the ledger sums to zero, its wallet account moved exactly as the wallet's confirmed balance did, and every
 * operator received on chain exactly what their CONFIRMED lines say: never twice, never lost.
 */
@QuarkusTest
@TestProfile(WalletTestProfile.class)
class PayoutSimulationTest {

    static final long SEED = 20261122L;
    static final int OPERATIONS = Integer.getInteger("proxyfund.simulation.operations", 10_000);

    enum Op { DONATE, MINE, REORG, SETTLE, PROPOSE, APPROVE, APPROVE_STALE, REJECT, REMOVE_LINE, SEND, TRACK, CRASH, RECONCILE_DONATIONS }

    static final Map<Op, Integer> WEIGHTS = new EnumMap<>(Map.ofEntries(
            Map.entry(Op.DONATE, 25), Map.entry(Op.MINE, 40), Map.entry(Op.REORG, 3), Map.entry(Op.SETTLE, 20),
            Map.entry(Op.PROPOSE, 60), Map.entry(Op.APPROVE, 300), Map.entry(Op.APPROVE_STALE, 100),
            Map.entry(Op.REJECT, 4), Map.entry(Op.REMOVE_LINE, 30), Map.entry(Op.SEND, 150), Map.entry(Op.TRACK, 150),
            Map.entry(Op.CRASH, 3), Map.entry(Op.RECONCILE_DONATIONS, 60)));

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
    DonationReconciler donationReconciler;
    @Inject
    EntityManager em;
    @Inject
    SimulationSteps steps;

    final RegtestNode node = RegtestNode.shared();
    final Random random = new Random(SEED);
    final Map<Op, Integer> done = new EnumMap<>(Op.class);
    final Map<Op, Integer> refused = new EnumMap<>(Op.class);

    @Test
    void shouldKeepTheLedgerAtZeroMatchingTheWalletAndPayEveryLineExactlyOnceOverTenThousandOperations() {
        PayoutTestData data = new PayoutTestData(em);
        quiesce();
        int startHeight = node.blockCount() + 1;
        long ledgerWalletBefore = ledger.balances().getOrDefault(LedgerService.WALLET, 0L);
        long walletBefore = steps.confirmedBalance();

        Map<Long, String> operators = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            byte[] program = new byte[20];
            random.nextBytes(program);
            String address = SegwitAddress.fromProgram(BitcoinNetwork.REGTEST, 0, program).toString();
            operators.put(data.operator(address), address);
        }
        List<Long> operatorIds = new ArrayList<>(operators.keySet());
        List<Long> endpoints = operatorIds.stream().map(steps::endpoint).toList();
        List<Long> admins = List.of(data.admin(), data.admin(), data.admin());

        List<Op> bag = new ArrayList<>();
        WEIGHTS.forEach((op, w) -> {
            for (int i = 0; i < w; i++) {
                bag.add(op);
            }
        });
        long t0 = System.nanoTime();
        for (int i = 0; i < OPERATIONS; i++) {
            Op op = bag.get(random.nextInt(bag.size()));
            boolean ok = switch (op) {
                case DONATE -> steps.donate(random.nextLong(50_000, 3_000_000));
                case MINE -> {
                    node.mine(1);
                    yield true;
                }
                case REORG -> steps.reorg();
                case SETTLE -> steps.settle(random, endpoints);
                case PROPOSE -> !(payouts.propose("sim-" + SEED + "-" + i) instanceof PayoutOutcome.NothingToPay);
                case APPROVE -> steps.approveSome(random, admins, false);
                case APPROVE_STALE -> steps.approveSome(random, admins, true);
                case REJECT -> steps.rejectSome(random, admins);
                case REMOVE_LINE -> steps.removeSome(random, admins);
                case SEND -> steps.send();
                case TRACK -> steps.track();
                case CRASH -> steps.crash();
                case RECONCILE_DONATIONS -> {
                    donationReconciler.reconcile();
                    yield true;
                }
            };
            (ok ? done : refused).merge(op, 1, Integer::sum);
            if (i % 500 == 0) {
                assertEquals(0, ledger.total(), "the ledger sums to zero after operation " + i);
            }
        }
        long simSeconds = (System.nanoTime() - t0) / 1_000_000_000;
        quiesce();

        assertEquals(0, ledger.total(), "the ledger sums to zero");
        long ledgerDelta = ledger.balances().getOrDefault(LedgerService.WALLET, 0L) - ledgerWalletBefore;
        long walletDelta = steps.confirmedBalance() - walletBefore;
        assertEquals(walletDelta, ledgerDelta, "the ledger's wallet account moved exactly as the wallet's confirmed balance");

        Map<String, long[]> chain = ChainPayments.received(node, startHeight, new HashSet<>(operators.values()));
        Map<String, Long> confirmedLines = steps.confirmedLinesByAddress(operators.keySet());
        for (Map.Entry<Long, String> op : operators.entrySet()) {
            long onChain = chain.getOrDefault(op.getValue(), new long[2])[0];
            assertEquals(confirmedLines.getOrDefault(op.getValue(), 0L), onChain,
                    "operator " + op.getKey() + ": the chain paid exactly its CONFIRMED lines");
        }
        int batches = steps.batchCount(BatchState.CONFIRMED);
        System.out.printf("payout simulation: seed %d, %d operations in %d s, done %s, refused/no-op %s, %d batches confirmed, "
                + "%d sats paid on chain%n", SEED, OPERATIONS, simSeconds, done, refused, batches,
                chain.values().stream().mapToLong(v -> v[0]).sum());
        assertTrue(batches >= 20, "the simulation really paid batches: " + batches);
        assertTrue(done.getOrDefault(Op.REORG, 0) >= 1 && done.getOrDefault(Op.CRASH, 0) >= 1, "reorgs and crashes happened: " + done);
    }

    /** Mines and reconciles until nothing is in flight and the wallet has caught up with the node. */
    void quiesce() {
        RegtestNode.await("payouts and donations settle", Duration.ofSeconds(120), () -> {
            node.mine(1);
            steps.awaitSynced(node.blockCount());
            donationReconciler.reconcile();
            steps.track();
            return steps.inFlight() == 0 && node.mempool().isEmpty();
        });
        steps.awaitSynced(node.blockCount());
        donationReconciler.reconcile();
    }
}
