package org.proxyfund.payout;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.proxyfund.ledger.LedgerService;
import org.proxyfund.wallet.WalletRestart;
import org.proxyfund.wallet.WalletService;
import org.proxyfund.wallet.testing.RegtestNode;
import org.proxyfund.wallet.testing.WalletTestProfile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Never paid twice, under faults: in each randomized run a batch is sent while a fault strikes at one step of
 * sending (signed but not stored, stored but not broadcast, broadcast but not marked, while tracking, and the same
 * for a fee bump, and between a reorg's taking a confirmed batch back to BROADCAST and sending it again: those runs
 * confirm their batches, then replace the blocks holding them). The "crash" restarts the wallet from its file and runs
 * the reconciler, as a restarted service does; blocks are mined at random moments. Each run ends with every line paid
 * exactly once on the regtest chain. In PSBT runs the admins sign (an independent signer, after a partly signed upload
 * and, at random, the signature of a stale revision, both refused), with faults between building and offering the PSBT
 * and between finalizing and storing an upload. The default build strikes each step once; -Plong runs 100 randomized runs.
 * (Process kills with exit 137 at the same steps: PayoutProcessIT, also -Plong.)
 */
@QuarkusTest
@TestProfile(WalletTestProfile.class)
class PayoutFaultInjectionTest {

    static final long SEED = Long.getLong("proxyfund.fault.seed", 20261122L);
    static final int RUNS = Integer.getInteger("proxyfund.fault.runs", 100);
    /** Steps on both paths: after the signing (by the service or by the admins) everything is the same. */
    static final Set<PayoutFault.Step> SHARED = Set.of(PayoutFault.Step.AFTER_BROADCAST_BEFORE_STATE,
            PayoutFault.Step.DURING_TRACKING, PayoutFault.Step.AFTER_LEFT_CHAIN_BEFORE_REBROADCAST);

    @Inject
    PayoutService payouts;
    @Inject
    PayoutQueries queries;
    @Inject
    PayoutWorker worker;
    @Inject
    PayoutFault fault;
    @Inject
    PayoutWalletFixture chain;
    @Inject
    WalletService wallet;
    @Inject
    LedgerService ledger;
    @Inject
    EntityManager em;
    @Inject
    PsbtAdminMoves psbt;

    final RegtestNode node = RegtestNode.shared();

    @AfterEach
    void disarm() {
        fault.disarm();
        // A run stopped half-way leaves no PSBT on offer for later tests (offers would wait, its coins stay reserved).
        psbt.signLeftBehind(new PayoutTestData(em).admin());
        worker.reconcile();
    }

    /** One run per sending step, in order: the default build's short version of the randomized runs below. */
    @Test
    void shouldPayEveryLineExactlyOnceWhenAFaultInterruptsEachSendingStepOnce() {
        List<PayoutFault.Step> steps = PayoutFault.Step.sending();
        faultRuns(steps.size(), (run, random) -> steps.get(run));
    }

    /** {@link #RUNS} runs (100 unless told) with the step drawn at random: only with -Plong (tag "long"). */
    @Test
    @Tag("long")
    void shouldPayEveryLineExactlyOnceWhateverStepAFaultInterrupts() {
        List<PayoutFault.Step> steps = PayoutFault.Step.sending();
        faultRuns(RUNS, (run, random) -> steps.get(random.nextInt(steps.size())));
    }

    private void faultRuns(int runs, BiFunction<Integer, Random, PayoutFault.Step> stepOfRun) {
        PayoutTestData data = new PayoutTestData(em);
        Random random = new Random(SEED);
        chain.awaitSynced();
        chain.fund(1_000_000_000L);
        long ledgerBefore = ledger.balances().getOrDefault(LedgerService.WALLET, 0L);
        long walletBefore = chain.confirmedBalance();
        Map<PayoutFault.Step, Integer> struck = new EnumMap<>(PayoutFault.Step.class);
        Map<String, Integer> kinds = new java.util.TreeMap<>();
        Map<String, Integer> psbtBefore = psbt.counts();
        int crashes = 0;
        long admin = data.admin();
        long secondAdmin = data.admin();
        int syncRestarts = chain.syncRestarts();
        long t0 = System.nanoTime();
        for (int run = 0; run < runs; run++) {
            int start = node.blockCount() + 1;
            Map<Long, Long> owed = new HashMap<>();
            Map<Long, String> addresses = new HashMap<>();
            int n = 1 + random.nextInt(6);
            for (int i = 0; i < n; i++) {
                String address = PayoutTestData.someAddress();
                long id = data.operator(address);
                long sats = random.nextLong(10_000, 2_000_000);
                data.owe(id, sats);
                owed.put(id, sats);
                addresses.put(id, address);
            }
            List<Long> batches = new ArrayList<>();
            for (PayoutBatchView b : ((PayoutOutcome.Proposed) payouts.propose("fault-" + SEED + "-" + run + "-" + UUID.randomUUID())).batches()) {
                batches.add(b.id());
                payouts.approve(b.id(), admin, b.revision());
                payouts.approve(b.id(), secondAdmin, b.revision());
            }
            PayoutFault.Step step = stepOfRun.apply(run, random);
            boolean bumpRun = step.name().contains("BUMP");
            // The admins sign this run's batches (PSBT): always for the PSBT steps, and in a third of the runs whose step
            // both paths share (broadcast, tracking, reorg); the hot-signing and fee-bump steps are the service's own.
            boolean psbtRun = step.psbt() || (SHARED.contains(step) && random.nextInt(3) == 0);
            kinds.merge(psbtRun ? "psbt" : "hot", 1, Integer::sum);
            fault.arm(step, PayoutFault.Mode.THROW);
            boolean reorgRun = step == PayoutFault.Step.AFTER_LEFT_CHAIN_BEFORE_REBROADCAST;
            boolean reorged = false;
            int rounds = 0;
            while (true) {
                if (batches.stream().allMatch(id -> queries.batch(id).orElseThrow().state().isClosed())) {
                    if (!reorgRun || reorged) {
                        break;
                    }
                    reorgAway(batches, start);
                    reorged = true;
                }
                assertTrue(++rounds < 40, "run " + run + " did not finish: " + states(batches));
                try {
                    if (reorgRun) {
                        worker.reconcile(); // the worker's first move: it finds the confirmations the reorg took
                    }
                    if (psbtRun) {
                        psbt.offer();
                        psbt.signOne(random, admin, true);
                        worker.reconcile(); // broadcasts the stored upload: the one place that sends
                    } else {
                        worker.sendApproved();
                    }
                    if (bumpRun && rounds == 1) {
                        worker.track(Instant.now().plus(Duration.ofHours(7)));
                    }
                    if (random.nextInt(3) > 0) {
                        chain.mine(1 + random.nextInt(3));
                    }
                    worker.track();
                    assertTrue(!WalletRestart.lockHeldByCaller(wallet), "wallet lock leaked in round " + rounds + " of " + step);
                } catch (PayoutFault.InjectedFault e) {
                    assertTrue(!WalletRestart.lockHeldByCaller(wallet), "wallet lock leaked at " + step);
                    struck.merge(step, 1, Integer::sum);
                    crashes++;
                    WalletRestart.restart(wallet);
                    chain.awaitSynced();
                    worker.reconcile();
                }
            }
            if (reorgRun) {
                for (long id : batches) {
                    assertTrue(queries.batch(id).orElseThrow().reorgCount() >= 1, "run " + run + ": batch " + id
                            + " went back to BROADCAST when the reorg took its block");
                }
            }
            fault.disarm();
            Map<String, long[]> paid = ChainPayments.received(node, start, new HashSet<>(addresses.values()));
            for (Map.Entry<Long, Long> o : owed.entrySet()) {
                long[] got = paid.getOrDefault(addresses.get(o.getKey()), new long[2]);
                assertEquals(o.getValue(), got[0], "run " + run + " (" + step + "): operator " + o.getKey() + " paid its amount");
                assertEquals(1L, got[1], "run " + run + " (" + step + "): operator " + o.getKey() + " paid exactly once");
                assertEquals(0, data.payable(o.getKey()), "run " + run + ": payable settled");
            }
            for (long id : batches) {
                assertEquals(BatchState.CONFIRMED, queries.batch(id).orElseThrow().state(), "run " + run + ": " + states(batches));
            }
        }
        chain.awaitSynced();
        assertEquals(0, ledger.total());
        assertEquals(chain.confirmedBalance() - walletBefore, ledger.balances().get(LedgerService.WALLET) - ledgerBefore,
                "the ledger's wallet account moved exactly as the wallet's confirmed balance");
        assertEquals(syncRestarts, chain.syncRestarts(), "the wallet followed every reorg without a restart");
        Map<String, Integer> psbtMoves = psbt.counts();
        psbtBefore.forEach((k, v) -> psbtMoves.merge(k, -v, Integer::sum));
        System.out.printf("payout fault injection: seed %d, %d runs (%s) in %d s, faults struck %s (%d restarts), PSBT moves %s%n",
                SEED, runs, kinds, (System.nanoTime() - t0) / 1_000_000_000, struck, crashes, psbtMoves);
        assertTrue(struck.keySet().containsAll(List.of(PayoutFault.Step.AFTER_SIGN_BEFORE_COMMIT,
                PayoutFault.Step.AFTER_COMMIT_BEFORE_BROADCAST, PayoutFault.Step.AFTER_BROADCAST_BEFORE_STATE,
                PayoutFault.Step.DURING_TRACKING, PayoutFault.Step.AFTER_LEFT_CHAIN_BEFORE_REBROADCAST,
                PayoutFault.Step.AFTER_PSBT_BUILT_BEFORE_COMMIT, PayoutFault.Step.AFTER_UPLOAD_FINALIZED_BEFORE_COMMIT)),
                "every sending step was hit: " + struck);
        for (String kind : List.of("accepted", "refused: partly signed", "refused: stale revision")) {
            assertTrue(psbtMoves.getOrDefault(kind, 0) >= 1, "the PSBT runs saw " + kind + ": " + psbtMoves);
        }
    }

    /**
     * Replaces every block from the lowest one holding a confirming transaction of {@code batches} up to the tip by one
     * block more (bcoin's invalidateblock with an empty mempool drops their transactions), and waits for the wallet.
     */
    private void reorgAway(List<Long> batches, int fromHeight) {
        if (!node.mempool().isEmpty()) {
            chain.mine(1);
        }
        Set<String> txids = new HashSet<>();
        batches.forEach(id -> txids.add(queries.batch(id).orElseThrow().confirmedTxid()));
        assertTrue(node.reorgAway(txids, fromHeight), "the batches' transactions are in the chain");
        chain.awaitSynced();
    }

    private String states(List<Long> batches) {
        return batches.stream().map(id -> id + "=" + queries.batch(id).orElseThrow().state()).toList().toString();
    }
}
