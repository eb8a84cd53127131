package org.proxyfund.payout;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.SegwitAddress;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.proxyfund.audit.LedgerCheckService;
import org.proxyfund.donation.DonationReconciler;
import org.proxyfund.ledger.LedgerService;
import org.proxyfund.treasury.SweepRow;
import org.proxyfund.treasury.SweepState;
import org.proxyfund.wallet.testing.RegtestNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A randomized simulation of the whole money path on the real regtest node: donations, settlements, proposals,
 * approvals (also stale and repeated), rejections, line removals, failures, sending, tracking with fee bumps,
 * crashes at every sending step with wallet restarts, mining, 1-block reorgs and deeper reorgs that take paid batches'
 * blocks away (the wallet must follow each by itself; the batch goes back to BROADCAST, is sent again and confirms
 * once). Afterwards every batch is closed, the ledger sums to zero, its wallet account moved exactly as the wallet's
 * confirmed balance did, and every operator received on chain exactly what their CONFIRMED lines say, in as many
 * outputs as they have such lines: never twice, never lost. Some batches take the admins' path instead: a PSBT
 * offered, signed by an independent signer and uploaded (after a partly signed upload, a stale revision's signature and
 * a second upload by the same admin, all refused), with faults between building and offering the PSBT and between
 * finalizing and storing an upload.
 *
 * <p>The hot wallet runs a float ({@link PayoutSimulationProfile}: a cap, a sweep-min, an Electrum cold wallet's vpub):
 * the worker's whole pass (SWEEP) sweeps what its deep coins hold above the cap to the cold wallet's next address and
 * follows every sweep; batches above the cap wait (FLOAT_CAP), batches the float cannot cover wait (FLOAT_REFILL);
 * REFILL pays the refill address from the node's wallet (standing in for the admins' cold wallet, never more than cold
 * storage holds), for a batch that waits with FLOAT_REFILL or at random; faults strike at the sweeps' steps too, and
 * deep reorgs take confirmed sweeps back. At the end every sweep is CONFIRMED (or FAILED on a conflict), each paid its
 * own cold address exactly once on the node's chain, every refill reached the chain, the hot wallet holds at most the
 * cap, the ledger's cold_storage account moved by the confirmed sweeps less the refills, and the ledger check holds.
 * {@code -Dproxyfund.simulation.operations=N} and {@code -Dproxyfund.simulation.seed=S} change the run: -Plong
 * (the only build that runs it) makes 10,000 operations and then also holds every kind of move to a minimum count; a
 * targeted run ({@code -Dtest=PayoutSimulationTest}) makes 1,000 unless told.
 *
 * <p>The node is bcoin on regtest: its invalidateblock (the reorg here) resets the node's whole mempool, so every
 * unconfirmed payout and sweep must be sent again by the worker; bcoin's own wallet does not send its pending
 * transactions again by itself, so before each refill and in the quiesce it is asked to (as the admins' and the donors'
 * wallets would). The worker's periods are scaled to the simulation's pace ({@link PayoutSimulationProfile}). What
 * stays open at the end (a batch whose fee would be too large a share, or above the float's cap, say) is rejected by
 * an admin before the final checks, so every batch of the run is closed; then, every coin deep, one more worker pass
 * sweeps what the hot wallet holds above the cap, and that sweep is confirmed too.
 */
@QuarkusTest
@TestProfile(PayoutSimulationProfile.class)
@Tag("simulation") // runs in the surefire execution "payout-simulation" (pom.xml), in a JVM of its own
class PayoutSimulationTest {

    static final long SEED = Long.getLong("proxyfund.simulation.seed", 20261122L);
    static final int OPERATIONS = Integer.getInteger("proxyfund.simulation.operations", 10_000);

    enum Op {
        DONATE, MINE, REORG, DEEP_REORG, STALLED_TRACK, SETTLE, PROPOSE, APPROVE, APPROVE_STALE, APPROVE_AGAIN, REJECT, REMOVE_LINE,
        FAIL, SEND, TRACK, ARM_FAULT, RESTART, RECONCILE_DONATIONS, OFFER_PSBT, SIGN_PSBT, SWEEP, REFILL
    }

    /**
     * Relative frequencies. Database-only moves are cheap and dominate the count; every move that touches the node or
     * restarts the wallet is rarer but still happens dozens of times in 10,000 operations.
     */
    static final Map<Op, Integer> WEIGHTS = new EnumMap<>(Map.ofEntries(
            Map.entry(Op.DONATE, 25), Map.entry(Op.MINE, 45), Map.entry(Op.REORG, 4), Map.entry(Op.DEEP_REORG, 3),
            Map.entry(Op.STALLED_TRACK, 3),
            Map.entry(Op.SETTLE, 15), Map.entry(Op.PROPOSE, 40), Map.entry(Op.APPROVE, 200),
            Map.entry(Op.APPROVE_STALE, 80), Map.entry(Op.APPROVE_AGAIN, 40), Map.entry(Op.REJECT, 8),
            Map.entry(Op.REMOVE_LINE, 30), Map.entry(Op.FAIL, 10), Map.entry(Op.SEND, 150), Map.entry(Op.TRACK, 200),
            Map.entry(Op.ARM_FAULT, 6), Map.entry(Op.RESTART, 2), Map.entry(Op.RECONCILE_DONATIONS, 60),
            Map.entry(Op.OFFER_PSBT, 35), Map.entry(Op.SIGN_PSBT, 35), Map.entry(Op.SWEEP, 40), Map.entry(Op.REFILL, 5)));

    @Inject
    PayoutService payouts;
    @Inject
    PayoutQueries queries;
    @Inject
    LedgerService ledger;
    @Inject
    DonationReconciler donationReconciler;
    @Inject
    EntityManager em;
    @Inject
    SimulationSteps steps;
    @Inject
    PayoutWalletFixture chain;
    @Inject
    PsbtAdminMoves psbt;
    @Inject
    LedgerCheckService ledgerCheck;

    final RegtestNode node = RegtestNode.shared();
    final Random random = new Random(SEED);
    /** Moves that took effect. */
    final Map<Op, Integer> done = new EnumMap<>(Op.class);
    /** Moves refused by the state machine, or with nothing to act on. */
    final Map<Op, Integer> refused = new EnumMap<>(Op.class);
    /** Time spent per kind of move. */
    final Map<Op, Long> nanos = new EnumMap<>(Op.class);
    /** Refusals the rules demand: stale or repeated approvals, rejecting or failing a signed batch. */
    final Map<String, Integer> requiredRefusals = new HashMap<>();
    /** What cold storage held when the run began (the ledger's cold_storage account). */
    long coldBefore;
    /** The first sweep of the run. */
    long firstSweep;
    /** Sats the admins refilled the float with from cold storage. */
    long refilled;

    @Test
    void shouldKeepTheLedgerAtZeroMatchingTheWalletAndPayEveryLineExactlyOnceOverRandomOperations() {
        PayoutTestData data = new PayoutTestData(em);
        int syncRestarts = chain.syncRestarts();
        List<Long> others = steps.suspendOtherOperators();
        Map<Long, String> operators = new HashMap<>();
        try {
            chain.awaitSynced();
            quiesce();
            long firstBatch = steps.lastBatchId() + 1;
            int startHeight = node.blockCount() + 1;
            long ledgerWalletBefore = ledger.balances().getOrDefault(LedgerService.WALLET, 0L);
            long walletBefore = chain.confirmedBalance();
            coldBefore = ledger.balances().getOrDefault(LedgerService.COLD_STORAGE, 0L);
            firstSweep = steps.lastSweepId() + 1;
            for (int i = 0; i < 40; i++) {
                byte[] program = new byte[20];
                random.nextBytes(program);
                String address = SegwitAddress.fromProgram(BitcoinNetwork.REGTEST, 0, program).toString();
                operators.put(data.operator(address), address);
            }
            simulate(operators, List.of(data.admin(), data.admin(), data.admin()), firstBatch, startHeight,
                    ledgerWalletBefore, walletBefore);
            assertEquals(syncRestarts, chain.syncRestarts(), "the wallet followed every reorg without being restarted");
        } finally {
            steps.cleanUp(operators.keySet(), others);
        }
    }

    private void simulate(Map<Long, String> operators, List<Long> admins, long firstBatch, int startHeight,
                          long ledgerWalletBefore, long walletBefore) {
        List<Long> operatorIds = new ArrayList<>(operators.keySet());
        operatorIds.sort(Long::compare);
        List<Long> endpoints = operatorIds.stream().map(steps::endpoint).toList();
        List<Op> bag = new ArrayList<>();
        WEIGHTS.forEach((op, w) -> {
            for (int i = 0; i < w; i++) {
                bag.add(op);
            }
        });

        long t0 = System.nanoTime();
        for (int i = 0; i < OPERATIONS; i++) {
            Op op = bag.get(random.nextInt(bag.size()));
            long opStart = System.nanoTime();
            boolean ok = switch (op) {
                case DONATE -> steps.donate(random.nextLong(50_000, 3_000_000));
                case MINE -> steps.mine(1);
                case REORG -> steps.reorg();
                case DEEP_REORG -> steps.deepReorg();
                case STALLED_TRACK -> steps.worker(steps::stalledPass);
                case SETTLE -> steps.settle(random, endpoints);
                case PROPOSE -> !(payouts.propose("sim-" + SEED + "-" + firstBatch + "-" + i) instanceof PayoutOutcome.NothingToPay);
                case APPROVE -> steps.approve(random, admins);
                case APPROVE_STALE -> mustBeRefused("stale approval", steps.approveStale(random, admins));
                case APPROVE_AGAIN -> mustBeRefused("repeated approval", steps.approveAgain(random));
                case REJECT -> refusedOnceSigned("rejection", steps.reject(random, admins));
                case REMOVE_LINE -> steps.removeLine(random, admins);
                case FAIL -> refusedOnceSigned("failure", steps.fail(random));
                case SEND -> steps.worker(steps::send);
                case TRACK -> steps.worker(steps::track);
                case ARM_FAULT -> steps.armFault(random);
                case RESTART -> steps.restart();
                case OFFER_PSBT -> steps.worker(psbt::offer);
                case SIGN_PSBT -> steps.worker(() -> psbt.signOne(random, admins.get(random.nextInt(admins.size())), true));
                case SWEEP -> steps.worker(steps::floatPass);
                case REFILL -> refill();
                case RECONCILE_DONATIONS -> {
                    donationReconciler.reconcile();
                    yield true;
                }
            };
            (ok ? done : refused).merge(op, 1, Integer::sum);
            nanos.merge(op, System.nanoTime() - opStart, Long::sum);
            if (i % 500 == 0) {
                assertEquals(0, ledger.total(), "the ledger sums to zero after operation " + i);
            }
            if (i % 1000 == 0) {
                System.out.printf("simulation: %d operations after %d s, %d batches in flight%n", i,
                        (System.nanoTime() - t0) / 1_000_000_000, steps.inFlight());
            }
        }
        long simSeconds = (System.nanoTime() - t0) / 1_000_000_000;
        steps.disarm();
        // A batch awaiting signatures cannot be rejected (a signed copy may exist outside): the admins sign what waits.
        while (psbt.awaiting()) {
            psbt.signOne(random, admins.getFirst(), false);
        }

        // The end: blocks and worker passes until nothing is in flight; then an admin closes what cannot be sent.
        long q0 = System.nanoTime();
        quiesce();
        int closed = 0;
        Map<String, Integer> closedWaiting = new TreeMap<>();
        for (PayoutBatchView b : steps.batchesSince(firstBatch)) {
            if (b.state() != BatchState.PROPOSED && b.state() != BatchState.APPROVED) {
                continue;
            }
            closedWaiting.merge(b.state() + " " + steps.waitingCode(b.id()), 1, Integer::sum);
            assertInstanceOf(PayoutOutcome.Done.class, payouts.reject(b.id(), admins.getFirst(), "end of the simulation"));
            closed++;
        }
        // The float's end: every coin deep, one more worker pass sweeps what the hot wallet holds above the cap, and
        // that sweep is confirmed too.
        try {
            steps.settleFloat(Duration.ofSeconds(120));
        } catch (AssertionError stuck) {
            System.out.println("NOT QUIET:\n" + steps.describeInFlight());
            throw stuck;
        }
        long quietSeconds = (System.nanoTime() - q0) / 1_000_000_000;

        for (PayoutBatchView b : steps.batchesSince(firstBatch)) {
            assertTrue(b.state().isClosed(), "batch " + b.id() + " is closed: " + b.state());
        }
        assertEquals(0, ledger.total(), "the ledger sums to zero");
        long ledgerDelta = ledger.balances().getOrDefault(LedgerService.WALLET, 0L) - ledgerWalletBefore;
        long walletDelta = chain.confirmedBalance() - walletBefore;
        assertEquals(walletDelta, ledgerDelta, "the ledger's wallet account moved exactly as the wallet's confirmed balance");

        Map<String, long[]> onChain = ChainPayments.received(node, startHeight, new HashSet<>(operators.values()));
        Map<Long, long[]> confirmedLines = steps.confirmedLines(operators.keySet());
        long paid = 0;
        for (Map.Entry<Long, String> o : operators.entrySet()) {
            long[] lines = confirmedLines.getOrDefault(o.getKey(), new long[2]);
            long[] chainPaid = onChain.getOrDefault(o.getValue(), new long[2]);
            assertEquals(lines[0], chainPaid[0], "operator " + o.getKey() + ": the chain paid exactly its CONFIRMED lines");
            assertEquals(lines[1], chainPaid[1], "operator " + o.getKey() + ": one output per CONFIRMED line, never twice");
            // A reorg that took a paid batch away reversed its booking; confirmed again, it was booked again.
            assertEquals(lines[0], steps.payableLines(o.getKey(), "PAYOUT_CONFIRMED") + steps.payableLines(o.getKey(), "REVERSAL"),
                    "operator " + o.getKey() + ": the ledger booked each CONFIRMED line once, net of reorg reversals");
            long owed = -steps.payableLines(o.getKey(), "SETTLEMENT");
            assertTrue(lines[0] <= owed, "operator " + o.getKey() + ": never paid more than settled (" + lines[0] + " of " + owed + ")");
            paid += chainPaid[0];
        }

        FloatFigures floatFigures = checkFloat(startHeight);

        Map<BatchState, Integer> batches = steps.batchesByState(firstBatch);
        int replacements = steps.replacements(firstBatch);
        int[] leftChain = steps.leftChain(firstBatch);
        long byReplacement = steps.batchesSince(firstBatch).stream()
                .filter(b -> b.state() == BatchState.CONFIRMED && !b.confirmedTxid().equals(b.txid())).count();
        System.out.printf("payout simulation: seed %d, %d operations in %d s, quiet end in %d s (%d unsendable batches"
                        + " closed), %d blocks%n  done %s%n  refused or nothing to do %s%n  required refusals %s%n"
                        + "  faults struck %s%n  PSBT moves %s%n  seconds per kind %s%n  batches %s, %d fee-bump replacements, %d batches confirmed by a replacement,"
                        + " %d sats paid on chain to %d operators; %d batches taken back from CONFIRMED by a reorg (%d times)%n"
                        + "  batches open at the end, by state and waiting reason: %s%n  %s%n",
                SEED, OPERATIONS, simSeconds, quietSeconds, closed, node.blockCount() - startHeight + 1, done, refused,
                requiredRefusals, steps.faultsStruck(), psbt.counts(), seconds(), batches, replacements, byReplacement, paid, operators.size(),
                leftChain[0], leftChain[1], closedWaiting, floatFigures);

        if (OPERATIONS >= 1_000) {
            assertTrue(batches.getOrDefault(BatchState.CONFIRMED, 0) >= 1, "even the default build's run pays a batch: " + batches);
        }
        if (OPERATIONS >= 10_000) {
            for (Op op : Op.values()) {
                assertTrue(done.getOrDefault(op, 0) + refused.getOrDefault(op, 0) >= 10, op + " happened: " + done + refused);
            }
            for (Op op : List.of(Op.DONATE, Op.MINE, Op.REORG, Op.DEEP_REORG, Op.SETTLE, Op.PROPOSE, Op.APPROVE, Op.REJECT,
                    Op.REMOVE_LINE, Op.FAIL, Op.SEND, Op.TRACK, Op.ARM_FAULT, Op.RESTART)) {
                assertTrue(done.getOrDefault(op, 0) >= 5, op + " took effect several times: " + done);
            }
            for (String kind : List.of("stale approval", "repeated approval", "rejection of a signed batch",
                    "failure of a signed batch")) {
                assertTrue(requiredRefusals.getOrDefault(kind, 0) >= 3, kind + " refused several times: " + requiredRefusals);
            }
            assertTrue(batches.getOrDefault(BatchState.CONFIRMED, 0) >= 20, "the simulation really paid batches: " + batches);
            assertTrue(replacements >= 1, "stuck batches were fee-bumped");
            assertTrue(leftChain[0] >= 3, "reorgs took paid batches back to BROADCAST, and they closed again: " + leftChain[0]);
            assertTrue(steps.faultsStruck().size() >= 3, "faults struck at several steps: " + steps.faultsStruck());
            for (String kind : List.of("accepted", "refused: partly signed", "refused: stale revision", "refused: same admin twice")) {
                assertTrue(psbt.counts().getOrDefault(kind, 0) >= 3, "PSBT path: " + kind + " several times: " + psbt.counts());
            }
            assertTrue(floatFigures.confirmed() >= 10, "the float swept to cold storage many times: " + floatFigures);
            assertTrue(floatFigures.takenBack() >= 1, "a reorg took a confirmed sweep back, and it confirmed again: " + floatFigures);
            assertTrue(floatFigures.refills() >= 1, "the admins refilled the float from cold storage: " + floatFigures);
            assertTrue(steps.faultsStruck().keySet().stream().anyMatch(PayoutFault.Step::sweep),
                    "a fault struck in a sweep: " + steps.faultsStruck());
        }
    }

    /**
     * The admins refill the float from what cold storage holds (the run's confirmed sweeps less what was refilled):
     * for a batch waiting with FLOAT_REFILL, or at random.
     */
    private boolean refill() {
        long swept = steps.sweepsSince(firstSweep).stream().filter(r -> r.sweep().state() == SweepState.CONFIRMED)
                .mapToLong(r -> r.sweep().sweptSats()).sum();
        long sats = steps.refill(random, coldBefore + swept - refilled);
        refilled += sats;
        return sats > 0;
    }

    /** What the float did in the run. */
    record FloatFigures(int sweeps, int confirmed, int failed, long sweptSats, int takenBack, int reorgs, int refills,
                        long refilledSats, Map<String, Integer> refillReasons, long hotSats) {
        @Override
        public String toString() {
            return String.format("hot float (cap %d, sweep-min %d sats): %d sweeps (%d CONFIRMED, %d FAILED), %d sats swept to"
                            + " cold storage; %d sweeps taken back from CONFIRMED by a reorg (%d times) and confirmed again;"
                            + " %d refills %s of %d sats; hot wallet at the end %d sats",
                    PayoutSimulationProfile.CAP, PayoutSimulationProfile.SWEEP_MIN, sweeps, confirmed, failed, sweptSats,
                    takenBack, reorgs, refills, refillReasons, refilledSats, hotSats);
        }
    }

    /**
     * The float's final checks, after the quiesce: every sweep of the run CONFIRMED (or FAILED on a conflict), each
     * paying its own cold address (each cold index once) exactly once on the node's chain, nothing for a failed one;
     * every refill on the chain; the hot wallet at most the cap; cold storage in the books = the confirmed sweeps less
     * the refills; the books sum to zero and the ledger check holds.
     */
    private FloatFigures checkFloat(int startHeight) {
        List<SweepRow> sweeps = steps.sweepsSince(firstSweep);
        Set<String> coldAddresses = sweeps.stream().map(SweepRow::coldAddress).collect(Collectors.toSet());
        assertEquals(sweeps.size(), coldAddresses.size(), "each sweep pays a cold address of its own");
        assertEquals(sweeps.size(), sweeps.stream().map(SweepRow::coldIndex).distinct().count(), "each cold index used once");
        Map<String, long[]> toCold = ChainPayments.received(node, startHeight, coldAddresses);
        long swept = 0;
        int confirmed = 0;
        for (SweepRow r : sweeps) {
            SweepState state = r.sweep().state();
            assertTrue(state == SweepState.CONFIRMED || state == SweepState.FAILED, "sweep " + r.sweep().id() + " is done: " + state);
            long[] chainPaid = toCold.getOrDefault(r.coldAddress(), new long[2]);
            if (state == SweepState.CONFIRMED) {
                assertEquals(r.sweep().sweptSats(), chainPaid[0], "sweep " + r.sweep().id() + ": the chain paid its cold address");
                assertEquals(1, chainPaid[1], "sweep " + r.sweep().id() + ": one output to its cold address, never twice");
                swept += r.sweep().sweptSats();
                confirmed++;
            } else {
                assertEquals(0, chainPaid[1], "failed sweep " + r.sweep().id() + ": nothing reached its cold address");
            }
        }
        Map<String, Long> refills = steps.refillTxs();
        assertEquals(refilled, refills.values().stream().mapToLong(Long::longValue).sum());
        long[] refillsOnChain = ChainPayments.received(node, startHeight, steps.refillAddresses()).values().stream()
                .reduce(new long[2], (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
        assertEquals(refilled, refillsOnChain[0], "every refill reached the float on the chain");
        assertEquals(refills.size(), refillsOnChain[1], "one output per refill");

        long hot = chain.confirmedBalance();
        assertTrue(hot <= PayoutSimulationProfile.CAP, "the hot wallet holds at most the cap once its sweeps are confirmed: " + hot);
        Map<String, Long> balances = ledger.balances();
        assertEquals(swept - refilled, balances.getOrDefault(LedgerService.COLD_STORAGE, 0L) - coldBefore,
                "cold storage in the books = the run's confirmed sweeps less its refills");
        assertEquals(0, ledger.total(), "the ledger sums to zero");
        assertTrue(ledgerCheck.run().ok(), "the ledger check holds: " + ledgerCheck.last());
        List<SweepRow> back = sweeps.stream().filter(r -> r.sweep().reorgCount() > 0).toList();
        return new FloatFigures(sweeps.size(), confirmed, sweeps.size() - confirmed, swept, back.size(),
                back.stream().mapToInt(r -> r.sweep().reorgCount()).sum(), refills.size(), refilled, steps.refillCounts(), hot);
    }

    private Map<Op, Long> seconds() {
        Map<Op, Long> out = new EnumMap<>(Op.class);
        nanos.forEach((op, n) -> out.put(op, n / 1_000_000_000));
        return out;
    }

    /** A stale or repeated approval never takes effect. */
    private boolean mustBeRefused(String kind, PayoutOutcome outcome) {
        if (outcome == null) {
            return false;
        }
        assertInstanceOf(PayoutOutcome.Refused.class, outcome, kind + " must be refused");
        requiredRefusals.merge(kind, 1, Integer::sum);
        return false;
    }

    /** Rejecting or failing a batch takes effect before it is signed, and is refused from then on. */
    private boolean refusedOnceSigned(String kind, Map.Entry<BatchState, PayoutOutcome> attempt) {
        if (attempt == null) {
            return false;
        }
        if (attempt.getKey().maySpend()) {
            assertInstanceOf(PayoutOutcome.Refused.class, attempt.getValue(), kind + " of a " + attempt.getKey() + " batch");
            requiredRefusals.merge(kind + " of a signed batch", 1, Integer::sum);
            return false;
        }
        return attempt.getValue() instanceof PayoutOutcome.Done;
    }

    /** Mines and runs the worker until nothing is in flight; on timeout, shows what stays open and why. */
    void quiesce() {
        try {
            steps.quiesce(Duration.ofSeconds(120));
        } catch (AssertionError stuck) {
            System.out.println("NOT QUIET:\n" + steps.describeInFlight());
            throw stuck;
        }
    }
}
