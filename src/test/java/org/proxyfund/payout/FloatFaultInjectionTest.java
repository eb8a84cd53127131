package org.proxyfund.payout;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.proxyfund.audit.LedgerCheckService;
import org.proxyfund.donation.DonationReconciler;
import org.proxyfund.donation.DonationService;
import org.proxyfund.ledger.LedgerService;
import org.proxyfund.treasury.HotFloatResource;
import org.proxyfund.treasury.RefillService;
import org.proxyfund.treasury.SweepQueries;
import org.proxyfund.treasury.SweepRow;
import org.proxyfund.treasury.SweepState;
import org.proxyfund.treasury.SweepWorker;
import org.proxyfund.wallet.WalletRestart;
import org.proxyfund.wallet.WalletService;
import org.proxyfund.wallet.testing.RegtestNode;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hot float under faults, on the real regtest node: random sequences of donations and payouts within the cap, each
 * run with a fault at one step of sweeping (signed but not recorded, recorded but not sent, sent but not marked, while
 * tracking, and after a reorg took a confirmed sweep's block) or of sending a batch from the float. The "crash" restarts
 * the wallet from its file and the next worker pass carries on, as a restarted service does. A batch the float cannot
 * cover waits for a refill, which the test pays to the address the service shows (standing in for the admins' cold
 * wallet). After each run, once every sweep is confirmed: the hot wallet holds at most the cap, every sweep paid its own
 * cold address exactly once on the node's chain, every operator was paid exactly once, and the books equal the wallets
 * (hot account = hot wallet, cold account = what the chain moved to cold storage less the refills). The default build
 * strikes each sweep step once and one sending step; -Plong runs {@link #RUNS} randomized sequences over all nine.
 */
@QuarkusTest
@TestProfile(FloatFaultInjectionTest.FloatProfile.class)
class FloatFaultInjectionTest {

    /** A hot float of its own (fresh database and hot wallet), so the counts here are this class's alone. */
    public static class FloatProfile extends HotFloatResource.Profile {
    }

    static final long SEED = Long.getLong("proxyfund.fault.seed", 20261207L);
    static final int RUNS = Integer.getInteger("proxyfund.fault.runs", 100);
    /** The steps a hot-float deployment reaches: every sweep step and the hot sending steps (no PSBT, no bump). */
    static final List<PayoutFault.Step> STEPS = List.of(
            PayoutFault.Step.SWEEP_AFTER_SIGN_BEFORE_RECORD, PayoutFault.Step.SWEEP_AFTER_RECORD_BEFORE_BROADCAST,
            PayoutFault.Step.SWEEP_AFTER_BROADCAST_BEFORE_STATE, PayoutFault.Step.SWEEP_DURING_TRACKING,
            PayoutFault.Step.SWEEP_AFTER_LEFT_CHAIN_BEFORE_REBROADCAST,
            PayoutFault.Step.AFTER_SIGN_BEFORE_COMMIT, PayoutFault.Step.AFTER_COMMIT_BEFORE_BROADCAST,
            PayoutFault.Step.AFTER_BROADCAST_BEFORE_STATE, PayoutFault.Step.DURING_TRACKING);

    @Inject
    PayoutService payouts;
    @Inject
    PayoutQueries queries;
    @Inject
    PayoutWorker worker;
    @Inject
    PayoutFault fault;
    @Inject
    PayoutConfig config;
    @Inject
    PayoutWalletFixture chain;
    @Inject
    WalletService wallet;
    @Inject
    LedgerService ledger;
    @Inject
    LedgerCheckService check;
    @Inject
    SweepQueries sweeps;
    @Inject
    SweepWorker sweeper;
    @Inject
    RefillService refills;
    @Inject
    DonationService donations;
    @Inject
    DonationReconciler donationReconciler;
    @Inject
    EntityManager em;

    final RegtestNode node = RegtestNode.shared();

    @AfterEach
    void disarm() {
        fault.disarm();
    }

    /**
     * The default build's short version of the randomized runs below: one run per sweep step, in order, then one
     * sending step with a batch larger than the float holds (refilled). The other sending steps are struck in the
     * default build by PayoutFaultInjectionTest, and here with -Plong.
     */
    @Test
    void shouldSweepOnceAndPayOnceWhenAFaultInterruptsEachSweepStepOnce() {
        faultRuns(6, (run, random) -> STEPS.get(run));
    }

    /** {@link #RUNS} random sequences with the step drawn at random: only with -Plong (tag "long"). */
    @Test
    @Tag("long")
    void shouldKeepTheHotWalletWithinTheCapAndTheBooksEqualToTheWalletsOverRandomSequencesAndFaults() {
        faultRuns(RUNS, (run, random) -> STEPS.get(random.nextInt(STEPS.size())));
    }

    private void faultRuns(int runs, BiFunction<Integer, Random, PayoutFault.Step> stepOfRun) {
        PayoutTestData data = new PayoutTestData(em);
        Random random = new Random(SEED);
        chain.awaitSynced();
        long admin = data.admin();
        long secondAdmin = data.admin();
        int syncRestarts = chain.syncRestarts();
        Map<PayoutFault.Step, Integer> struck = new EnumMap<>(PayoutFault.Step.class);
        Set<Long> sweepsBefore = sweepIds();
        long refilled = 0;
        int refillsSent = 0;
        int sweepFirstHeight = node.blockCount() + 1;
        long t0 = System.nanoTime();
        for (int run = 0; run < runs; run++) {
            PayoutFault.Step step = stepOfRun.apply(run, random);
            int start = node.blockCount() + 1;
            // A quarter of the sending runs owe one operator about as much as a batch may pay, above what the float
            // keeps after a sweep, and bring no donation: the batch waits for a refill from cold storage.
            boolean big = !step.sweep() && (run % 4 == 1 || run == 5);
            // Donations first: one to three, together sometimes within the cap, sometimes far above it.
            int gifts = big ? 0 : 1 + random.nextInt(3);
            for (int i = 0; i < gifts; i++) {
                donate(random.nextLong(2_000_000L, 30_000_000L));
            }
            boolean reorgRun = step == PayoutFault.Step.SWEEP_AFTER_LEFT_CHAIN_BEFORE_REBROADCAST;
            if (step.sweep()) {
                donate(HotFloatResource.CAP); // whatever the float held, this lifts it above the cap: a sweep is due
            }
            // Payouts within the cap: zero to three operators (always some when a sending step is struck).
            Map<Long, Long> owed = new HashMap<>();
            Map<Long, String> addresses = new HashMap<>();
            int n = big ? 1 : step.sweep() ? random.nextInt(3) : 1 + random.nextInt(3);
            long limit = sweeper.policy().batchLimit(config.maxFeeShareBp());
            for (int i = 0; i < n; i++) {
                String address = PayoutTestData.someAddress();
                long id = data.operator(address);
                long sats = big ? random.nextLong(limit - 2_000_000L, limit + 1) : random.nextLong(100_000L, 14_000_000L);
                data.owe(id, sats);
                owed.put(id, sats);
                addresses.put(id, address);
            }
            List<Long> batches = new ArrayList<>();
            if (n > 0) {
                for (PayoutBatchView b : ((PayoutOutcome.Proposed) payouts.propose("float-" + SEED + "-" + run + "-"
                        + UUID.randomUUID())).batches()) {
                    batches.add(b.id());
                    payouts.approve(b.id(), admin, b.revision());
                    payouts.approve(b.id(), secondAdmin, b.revision());
                }
            }
            long owedTotal = owed.values().stream().mapToLong(Long::longValue).sum();
            fault.arm(step, PayoutFault.Mode.THROW);
            boolean reorged = false;
            boolean refilledThisRun = false;
            // true after a round that mined every transaction deep and then ran a worker pass
            boolean deepPass = false;
            int rounds = 0;
            while (true) {
                boolean quiet = batches.stream().allMatch(id -> state(id).isClosed()) && sweeps.inFlight().isEmpty()
                        && node.mempool().isEmpty();
                boolean settled = quiet && fault.armedStep().isEmpty();
                if (quiet && reorgRun && !reorged) {
                    reorged = reorgAwayNewestSweep(start); // false until this run's sweep is confirmed: more rounds
                    settled = false;
                } else if (settled && deepPass) {
                    break;
                }
                assertTrue(++rounds < 60, "run " + run + " (" + step + ") did not settle: batches " + states(batches)
                        + ", sweeps in flight " + sweeps.inFlight() + ", armed " + fault.armedStep());
                try {
                    deepPass = false;
                    if (settled) {
                        // Nothing in flight: make every coin deep enough to spend, then one more pass must find no sweep due.
                        chain.mine(config.confirmations());
                        donationReconciler.reconcile();
                        worker.runOnce();
                        deepPass = true;
                        continue;
                    }
                    worker.runOnce();
                    if (!refilledThisRun && rounds > 2 && batches.stream().anyMatch(id -> state(id) == BatchState.APPROVED)) {
                        // The float cannot cover a batch yet (FLOAT_REFILL): the admins refill it from cold storage.
                        long sats = owedTotal + 5_000_000L;
                        node.sendToAddress(RegtestNode.toNode(refills.refillAddress()), sats);
                        refilled += sats;
                        refillsSent++;
                        refilledThisRun = true;
                    }
                    chain.mine(random.nextInt(3) == 0 ? config.confirmations() : 1);
                    donationReconciler.reconcile();
                    assertFalse(WalletRestart.lockHeldByCaller(wallet), "wallet lock leaked in round " + rounds + " of " + step);
                } catch (PayoutFault.InjectedFault e) {
                    assertFalse(WalletRestart.lockHeldByCaller(wallet), "wallet lock leaked at " + step);
                    struck.merge(step, 1, Integer::sum);
                    WalletRestart.restart(wallet);
                    chain.awaitSynced();
                }
            }
            fault.disarm();
            assertTrue(wallet.balance(config.confirmations()).confirmedSats() <= HotFloatResource.CAP,
                    "run " + run + " (" + step + "): once its sweeps confirmed, the hot wallet holds at most the cap: "
                            + wallet.balance(config.confirmations()));
            Map<String, long[]> paid = ChainPayments.received(node, start, new HashSet<>(addresses.values()));
            for (Map.Entry<Long, Long> o : owed.entrySet()) {
                long[] got = paid.getOrDefault(addresses.get(o.getKey()), new long[2]);
                assertEquals(o.getValue(), got[0], "run " + run + " (" + step + "): operator " + o.getKey() + " paid its amount");
                assertEquals(1L, got[1], "run " + run + " (" + step + "): operator " + o.getKey() + " paid exactly once");
                assertEquals(0, data.payable(o.getKey()), "run " + run + ": payable settled");
            }
            for (long id : batches) {
                assertEquals(BatchState.CONFIRMED, state(id), "run " + run + ": " + states(batches));
            }
            assertBooksEqualWallets(sweepsBefore, sweepFirstHeight, refilled, "run " + run + " (" + step + ")");
        }
        List<SweepRow> made = sweepsSince(sweepsBefore);
        System.out.printf("float fault injection: seed %d, %d runs in %d s, faults struck %s, %d sweeps (%d after a reorg),"
                        + " %d refills%n", SEED, runs, (System.nanoTime() - t0) / 1_000_000_000, struck, made.size(),
                made.stream().filter(r -> r.sweep().reorgCount() > 0).count(), refillsSent);
        assertEquals(syncRestarts, chain.syncRestarts(), "the wallet followed every reorg without a restart");
        assertTrue(struck.keySet().containsAll(runs >= STEPS.size() ? STEPS : STEPS.subList(0, runs)),
                "every step drawn was struck: " + struck);
        assertTrue(made.stream().anyMatch(r -> r.sweep().reorgCount() > 0), "a reorg took a confirmed sweep back");
        assertTrue(refillsSent >= 1, "a batch waited for a refill, and the refill paid it");
    }

    /** A donation of {@code sats} to a fresh hot address, as a donor pays it. */
    private void donate(long sats) {
        if (!(donations.create(null, null) instanceof DonationService.CreateResult.Created created)) {
            throw new IllegalStateException("the wallet is not running");
        }
        node.sendToAddress(created.donation().address, sats);
    }

    /**
     * Replaces the blocks from the one holding this run's newest confirmed sweep up to the tip by one block more (an
     * empty mempool, so bcoin drops their transactions); false when no sweep of this run is confirmed yet.
     */
    private boolean reorgAwayNewestSweep(int fromHeight) {
        List<SweepRow> rows = sweeps.newest(1);
        if (rows.isEmpty() || rows.getFirst().sweep().state() != SweepState.CONFIRMED) {
            return false;
        }
        if (!node.reorgAway(List.of(rows.getFirst().sweep().txid()), fromHeight)) {
            return false;
        }
        chain.awaitSynced();
        return true;
    }

    private void assertBooksEqualWallets(Set<Long> sweepsBefore, int fromHeight, long refilled, String where) {
        chain.awaitSynced();
        List<SweepRow> made = sweepsSince(sweepsBefore);
        Map<String, Long> sweptTo = new TreeMap<>();
        Set<Integer> indexes = new HashSet<>();
        long confirmedSwept = 0;
        for (SweepRow r : made) {
            assertTrue(indexes.add(r.coldIndex()), where + ": each cold address once: " + made);
            if (r.sweep().state() == SweepState.CONFIRMED) {
                sweptTo.put(r.coldAddress(), r.sweep().sweptSats());
                confirmedSwept += r.sweep().sweptSats();
            } else {
                assertEquals(SweepState.FAILED, r.sweep().state(), where + ": a settled sweep is confirmed or failed: " + r);
            }
        }
        Map<String, long[]> onChain = ChainPayments.received(node, fromHeight, sweptTo.keySet());
        sweptTo.forEach((address, sats) -> {
            long[] got = onChain.getOrDefault(address, new long[2]);
            assertEquals(sats, got[0], where + ": cold address " + address + " received its sweep on chain");
            assertEquals(1L, got[1], where + ": cold address " + address + " paid exactly once");
        });
        assertEquals(0, ledger.total(), where + ": the books sum to zero");
        assertEquals(chain.confirmedBalance(), ledger.balances().get(LedgerService.WALLET), where + ": hot account = hot wallet");
        assertEquals(confirmedSwept - refilled, ledger.balances().getOrDefault(LedgerService.COLD_STORAGE, 0L),
                where + ": cold account = swept to cold on chain less the refills");
        assertTrue(check.run().ok(), where + ": the ledger check holds");
    }

    private Set<Long> sweepIds() {
        Set<Long> ids = new HashSet<>();
        sweeps.newest(10_000).forEach(r -> ids.add(r.sweep().id()));
        return ids;
    }

    private List<SweepRow> sweepsSince(Set<Long> before) {
        return sweeps.newest(10_000).stream().filter(r -> !before.contains(r.sweep().id())).toList();
    }

    private BatchState state(long id) {
        return queries.batch(id).orElseThrow().state();
    }

    private String states(List<Long> batches) {
        return batches.stream().map(id -> id + "=" + state(id)).toList().toString();
    }
}
