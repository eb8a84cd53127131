package org.proxyfund.payout;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.proxyfund.donation.DonationReconciler;
import org.proxyfund.donation.DonationService;
import org.proxyfund.settlement.Epoch;
import org.proxyfund.settlement.SettlementService;
import org.proxyfund.treasury.RefillService;
import org.proxyfund.treasury.SweepQueries;
import org.proxyfund.treasury.SweepRow;
import org.proxyfund.treasury.SweepState;
import org.proxyfund.treasury.SweepWorker;
import org.proxyfund.wallet.TxStatus;
import org.proxyfund.wallet.WalletRestart;
import org.proxyfund.wallet.WalletService;
import org.proxyfund.wallet.testing.RegtestNode;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The simulation's moves, each through the real services (the same calls the pages, trigger and worker make). The
 * worker's periods are scaled to the simulation's pace by {@link PayoutSimulationProfile}, which also gives the hot
 * wallet a float: its sweeps run in the worker's whole pass ({@link #floatPass}), refills are paid by the node
 * ({@link #refill}).
 */
@ApplicationScoped
class SimulationSteps {

    /** First epoch the simulation settles; far in the future, so no other test settles after it. */
    static final Instant FIRST_EPOCH = Instant.parse("2031-01-06T00:00:00Z");

    @Inject
    PayoutService payouts;
    @Inject
    PayoutQueries queries;
    @Inject
    PayoutConfig payoutConfig;
    @Inject
    WalletService wallet;
    @Inject
    DonationService donations;
    @Inject
    DonationReconciler donationReconciler;
    @Inject
    EntityManager em;
    @Inject
    PayoutWalletFixture chain;
    @Inject
    PayoutWorker worker;
    @Inject
    PayoutFault fault;
    @Inject
    SettlementService settlements;
    @Inject
    SweepWorker sweepWorker;
    @Inject
    SweepQueries sweeps;
    @Inject
    RefillService refills;

    final RegtestNode node = RegtestNode.shared();
    private final Map<PayoutFault.Step, Integer> faultsStruck = new EnumMap<>(PayoutFault.Step.class);
    final Set<String> payoutTxids = new HashSet<>();
    /** Refills paid so far, txid → sats (read through a method: fields of a CDI client proxy are not the bean's). */
    private final Map<String, Long> refillTxs = new LinkedHashMap<>();
    private final Set<String> refillAddresses = new HashSet<>();
    private final Map<String, Integer> refillCounts = new java.util.TreeMap<>();
    private Epoch nextEpoch;
    private PayoutFault.Step armed;

    /** Faults struck so far, by step (a method: fields of a CDI client proxy are not the bean's). */
    Map<PayoutFault.Step, Integer> faultsStruck() {
        return new EnumMap<>(faultsStruck);
    }

    /** The worker's clock. */
    Instant now() {
        return Instant.now();
    }

    /**
     * One tracker pass as if no block had come for longer than {@code stuck-after} (a stalled network, fees risen):
     * every batch in flight is fee-bumped by a recorded replacement, if its rate and fee caps allow.
     */
    boolean stalledPass() {
        return worker.track(now().plus(payoutConfig.stuckAfter()).plusSeconds(1)) >= 0;
    }

    boolean donate(long sats) {
        if (!(donations.create(null, null) instanceof DonationService.CreateResult.Created created)) {
            return false;
        }
        node.sendToAddress(created.donation().address, sats);
        return true;
    }

    boolean mine(int blocks) {
        node.mine(blocks);
        return true;
    }

    /**
     * Replaces the tip block by two others. bcoin's invalidateblock resets its whole mempool ("Mempool reset (n txs
     * removed)"): every unconfirmed transaction, donations and payouts alike, and those of the dropped block, are
     * gone from the node until someone broadcasts them again; the wallet still holds them as pending.
     */
    boolean reorg() {
        node.invalidateBlock(node.bestBlockHash());
        return mine(2);
    }

    /**
     * A reorg that takes a paid batch's block away: batches in flight are first mined to their confirmations and
     * tracked to CONFIRMED; then, with nothing in flight, the blocks from the one holding the most recently CONFIRMED
     * batch's transaction (at most 10 deep) up to the tip are replaced by one block more (the mempool flushed into a
     * block first, so bcoin drops rather than re-queues their transactions). Nothing in flight means no signed payout
     * spends a coin of those blocks. The wallet must follow the new chain by itself: no further block, no restart.
     * False when there was no such batch.
     */
    boolean deepReorg() {
        if (inFlight() > 0 || sweepsInFlight() > 0) {
            mine(payoutConfig.confirmations());
            chain.awaitSynced();
            worker(() -> worker.reconcile(now()) >= 0);
            worker(() -> {
                followSweeps();
                return true;
            });
        }
        if (inFlight() > 0 || sweepsInFlight() > 0) {
            return false;
        }
        if (!node.mempool().isEmpty()) {
            mine(1);
        }
        Set<String> paid = new HashSet<>();
        queries.inStates(List.of(BatchState.CONFIRMED), 1).stream().findFirst().ifPresent(b -> paid.add(b.confirmedTxid()));
        sweeps.newest(10).stream().filter(r -> r.sweep().state() == SweepState.CONFIRMED).findFirst()
                .ifPresent(r -> paid.add(r.sweep().txid()));
        if (paid.isEmpty()) {
            return false;
        }
        int tip = node.blockCount();
        int at = -1;
        for (int h = tip; h > tip - 10; h--) {
            if (node.blockTxids(node.rpc("getblockhash", h).asText()).stream().anyMatch(paid::contains)) {
                at = h;
            }
        }
        if (at < 0) {
            return false;
        }
        node.invalidateBlock(node.rpc("getblockhash", at).asText());
        mine(tip - at + 2);
        int height = node.blockCount();
        RegtestNode.await("the wallet following a " + (tip - at + 1) + "-block reorg by itself", Duration.ofSeconds(60),
                () -> wallet.state().synced() && wallet.state().chainHeight() == height);
        return true;
    }

    /** An admin approves the current revision of a PROPOSED batch (a second admin's approval where two are needed). */
    boolean approve(Random random, List<Long> admins) {
        List<PayoutBatchView> open = queries.inStates(List.of(BatchState.PROPOSED), 50);
        if (open.isEmpty()) {
            return false;
        }
        PayoutBatchView b = open.get(random.nextInt(open.size()));
        List<Long> already = queries.approvals(b.id());
        List<Long> others = admins.stream().filter(a -> !already.contains(a)).toList();
        return payouts.approve(b.id(), others.get(random.nextInt(others.size())), b.revision()) instanceof PayoutOutcome.Done;
    }

    /** An approval quoting a revision other than the current one: always refused. */
    PayoutOutcome approveStale(Random random, List<Long> admins) {
        List<PayoutBatchView> open = queries.inStates(List.of(BatchState.PROPOSED, BatchState.APPROVED), 50);
        if (open.isEmpty()) {
            return null;
        }
        PayoutBatchView b = open.get(random.nextInt(open.size()));
        int quoted = b.revision() > 1 && random.nextBoolean() ? random.nextInt(1, b.revision()) : b.revision() + 1;
        return payouts.approve(b.id(), admins.get(random.nextInt(admins.size())), quoted);
    }

    /** An admin who already approved approves again: always refused. */
    PayoutOutcome approveAgain(Random random) {
        List<PayoutBatchView> approved = queries.inStates(List.of(BatchState.APPROVED, BatchState.PROPOSED), 50).stream()
                .filter(b -> !queries.approvals(b.id()).isEmpty()).toList();
        if (approved.isEmpty()) {
            return null;
        }
        PayoutBatchView b = approved.get(random.nextInt(approved.size()));
        List<Long> by = queries.approvals(b.id());
        return payouts.approve(b.id(), by.get(random.nextInt(by.size())), b.revision());
    }

    /**
     * An admin rejects an open batch; refused once it is signed. Returns the state before, and the outcome. Half the
     * tries pick among unsigned batches only, so rejections take effect often enough to be covered on every run (among
     * all four states most picks meet a batch in flight, whose refusal the other half covers).
     */
    Map.Entry<BatchState, PayoutOutcome> reject(Random random, List<Long> admins) {
        List<PayoutBatchView> open = queries.inStates(random.nextBoolean()
                ? List.of(BatchState.PROPOSED, BatchState.APPROVED)
                : List.of(BatchState.PROPOSED, BatchState.APPROVED, BatchState.SIGNED, BatchState.BROADCAST), 50);
        if (open.isEmpty()) {
            return null;
        }
        PayoutBatchView b = open.get(random.nextInt(open.size()));
        return Map.entry(b.state(), payouts.reject(b.id(), admins.getFirst(), "simulated rejection"));
    }

    /** The service gives up on a batch (as for an address the wallet refuses); refused once it is signed. */
    Map.Entry<BatchState, PayoutOutcome> fail(Random random) {
        List<PayoutBatchView> open = queries.inStates(List.of(BatchState.PROPOSED, BatchState.APPROVED, BatchState.SIGNED,
                BatchState.BROADCAST), 50);
        if (open.isEmpty()) {
            return null;
        }
        PayoutBatchView b = open.get(random.nextInt(open.size()));
        return Map.entry(b.state(), payouts.fail(b.id(), "simulated failure"));
    }

    boolean removeLine(Random random, List<Long> admins) {
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
        return worker.sendApproved() > 0;
    }

    /** The worker's reconcile-and-track move: a batch whose confirmation a reorg took goes back to BROADCAST here. */
    boolean track() {
        return worker.reconcile(now()) > 0;
    }

    /** Batches since {@code firstBatchId} that a reorg took back from CONFIRMED, and how often in all. */
    int[] leftChain(long firstBatchId) {
        List<PayoutBatchView> back = batchesSince(firstBatchId).stream().filter(b -> b.reorgCount() > 0).toList();
        return new int[] {back.size(), back.stream().mapToInt(PayoutBatchView::reorgCount).sum()};
    }

    /**
     * Arms a fault at a random step of sending or of the float's sweeping (unless one is armed): it strikes when the
     * worker next reaches that step, in whatever move runs it; the move then {@link #crashed crashes}.
     */
    boolean armFault(Random random) {
        if (armed != null) {
            return false;
        }
        List<PayoutFault.Step> steps = List.of(PayoutFault.Step.values());
        armed = steps.get(random.nextInt(steps.size()));
        fault.arm(armed, PayoutFault.Mode.THROW);
        return true;
    }

    /** A fault struck: the service "dies" there and restarts (wallet reopened from its file, reconciler pass). */
    void crashed(PayoutFault.InjectedFault e) {
        PayoutFault.Step step = armed;
        armed = null;
        faultsStruck.merge(step, 1, Integer::sum);
        if (WalletRestart.lockHeldByCaller(wallet)) {
            throw new AssertionError("the wallet lock leaked at " + step, e);
        }
        restart();
    }

    /**
     * A restart of the service: the wallet reopens from its file and the reconcilers bring every sweep and every batch
     * to its truth, the sweeps first as in the worker's pass (a sweep recorded before the crash is sent before
     * anything signs again, so the wallet learns its coins are spent).
     */
    boolean restart() {
        WalletRestart.restart(wallet);
        chain.awaitSynced();
        try {
            followSweeps();
            worker.reconcile(now());
        } catch (PayoutFault.InjectedFault e) {
            crashed(e);
        }
        return true;
    }

    /**
     * The float's first step of the worker's pass: every sweep followed (sent, confirmed, taken back after a reorg,
     * failed on a deep conflict). Trouble other than an injected fault is logged and retried, as in the pass.
     */
    void followSweeps() {
        try {
            sweepWorker.reconcile(payoutConfig.confirmations(), fault::atSweep);
        } catch (PayoutFault.InjectedFault e) {
            throw e;
        } catch (RuntimeException e) {
            System.out.println("simulation: following the sweeps failed; the next pass retries: " + e);
        }
    }

    /**
     * The worker's whole pass ({@link PayoutWorker#runOnce}), the one that runs the float: sweeps and refills
     * followed, batches reconciled and sent, and last, with no batch SIGNED, a sweep of what the hot wallet's
     * spendable coins hold above the cap. True when a sweep was recorded or changed state.
     */
    boolean floatPass() {
        List<String> before = sweepStates();
        worker.runOnce(now());
        return !before.equals(sweepStates());
    }

    private List<String> sweepStates() {
        return sweeps.newest(100_000).stream().map(r -> r.sweep().id() + ":" + r.sweep().state() + ":" + r.sweep().reorgCount())
                .toList();
    }

    /**
     * The admins refill the float from cold storage (the node's wallet stands in for their cold-signed payment to
     * {@link RefillService#refillAddress()}), never more than cold storage holds ({@code coldSats}): when a batch waits
     * with FLOAT_REFILL, what it lacks and up to a sweep-min more; otherwise a random amount around the sweep-min.
     * Returns the sats paid, 0 when cold storage holds too little.
     */
    long refill(Random random, long coldSats) {
        resendNodeWallet();
        String lackingArgs = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery("""
                SELECT waiting_args FROM payout_batch WHERE state = 'APPROVED' AND waiting_code = 'FLOAT_REFILL'
                ORDER BY id LIMIT 1""").getResultStream().findFirst().orElse(null));
        Long lacking = lackingArgs == null ? null : Long.parseLong(lackingArgs.split("\u001F")[0]);
        long want = lacking != null ? lacking + random.nextLong(PayoutSimulationProfile.SWEEP_MIN)
                : random.nextLong(PayoutSimulationProfile.SWEEP_MIN / 2, 2 * PayoutSimulationProfile.SWEEP_MIN);
        long sats = Math.min(coldSats, want);
        if (sats < 100_000) {
            return 0;
        }
        String address = refills.refillAddress();
        refillTxs.put(node.sendToAddress(address, sats), sats);
        refillAddresses.add(address);
        refillCounts.merge(lacking != null ? "for a batch waiting with FLOAT_REFILL" : "at random", 1, Integer::sum);
        return sats;
    }

    /**
     * The node's wallet, standing in for the admins' cold wallet (and the donors' wallets), sends again what it paid
     * and a reorg dropped: bcoin's invalidateblock empties the node's mempool, and bcoin's wallet does not send its
     * pending transactions again by itself, as the admins' wallet would.
     */
    void resendNodeWallet() {
        try {
            node.walletRpc("resendwallettransactions");
        } catch (RuntimeException e) {
            System.out.println("simulation: the node's wallet could not send its pending transactions again: " + e);
        }
    }

    /** Whether every refill paid is confirmed in the hot wallet's view of the chain. */
    boolean refillsConfirmed() {
        return refillTxs.keySet().stream().allMatch(txid -> wallet.txStatus(txid) instanceof TxStatus.Confirmed);
    }

    /** Refills paid so far: txid → sats. */
    Map<String, Long> refillTxs() {
        return new LinkedHashMap<>(refillTxs);
    }

    /** The refill addresses paid so far. */
    Set<String> refillAddresses() {
        return new HashSet<>(refillAddresses);
    }

    /** How many refills were paid for a batch waiting with FLOAT_REFILL, and how many at random. */
    Map<String, Integer> refillCounts() {
        return new java.util.TreeMap<>(refillCounts);
    }

    /** Sweeps since {@code firstSweepId}, oldest first. */
    List<SweepRow> sweepsSince(long firstSweepId) {
        return sweeps.newest(100_000).stream().filter(r -> r.sweep().id() >= firstSweepId).toList().reversed();
    }

    long lastSweepId() {
        return sweeps.newest(1).stream().mapToLong(r -> r.sweep().id()).max().orElse(0);
    }

    int sweepsInFlight() {
        return sweeps.inFlight().size();
    }

    /**
     * The end of the float's work, with nothing in flight: the blocks that make every coin as deep as a payout wants
     * it, one more worker pass (which sweeps what the hot wallet holds above the cap), and the quiesce again until that
     * sweep is confirmed.
     */
    void settleFloat(Duration timeout) {
        mine(payoutConfig.confirmations());
        chain.awaitSynced();
        worker.runOnce(now());
        quiesce(timeout);
    }

    /** Runs one of the worker's moves; a fault striking in it is a crash and a restart. */
    boolean worker(java.util.function.BooleanSupplier move) {
        try {
            return move.getAsBoolean();
        } catch (PayoutFault.InjectedFault e) {
            crashed(e);
            return true;
        }
    }

    /** No fault left armed for the end. */
    void disarm() {
        fault.disarm();
        armed = null;
    }

    /** Settles the next simulated epoch from rollups written for the operators' endpoints (random uptimes). */
    boolean settle(Random random, List<Long> endpoints) {
        if (nextEpoch == null) {
            nextEpoch = settlements.calendar().epochContaining(FIRST_EPOCH);
        }
        Epoch epoch = nextEpoch;
        nextEpoch = settlements.calendar().next(epoch);
        QuarkusTransaction.requiringNew().run(() -> {
            for (long endpoint : endpoints) {
                int up = 80 + random.nextInt(21);
                em.createNativeQuery("""
                        INSERT INTO check_rollup_hourly (endpoint_id, hour_start, up_count, down_count, unknown_count, weak_up_count)
                        VALUES (?1, ?2, ?3, ?4, 0, 0)""").setParameter(1, endpoint)
                        .setParameter(2, epoch.start().atOffset(ZoneOffset.UTC)).setParameter(3, up)
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

    /**
     * Mines, follows donations and runs the worker's whole pass (sweeps and refills followed, reconcile, send, track,
     * the next sweep) until no batch is SIGNED or BROADCAST, no sweep is in flight, every refill is confirmed, and the
     * node's mempool holds none of the payouts' or sweeps' transactions. The node's wallet sends again what a reorg
     * dropped (refills, donations).
     */
    void quiesce(Duration timeout) {
        RegtestNode.await("payouts, sweeps, refills and donations settle", timeout, () -> {
            resendNodeWallet();
            mine(1);
            chain.awaitSynced();
            donationReconciler.reconcile();
            worker.runOnce(now());
            worker.track(now());
            return inFlight() == 0 && sweepsInFlight() == 0 && refillsConfirmed()
                    && node.mempool().stream().noneMatch(this::isPayoutTx);
        });
        chain.awaitSynced();
        donationReconciler.reconcile();
    }

    /** Whether the transaction is a payout's or a sweep's. */
    private boolean isPayoutTx(String txid) {
        if (payoutTxids.contains(txid)) {
            return true;
        }
        Number n = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery(
                "SELECT (SELECT count(*) FROM payout_tx WHERE txid = ?1) + (SELECT count(*) FROM treasury_sweep WHERE txid = ?1)")
                .setParameter(1, txid).getSingleResult());
        if (n.intValue() > 0) {
            payoutTxids.add(txid);
            return true;
        }
        return false;
    }

    /** What the database, the wallet and the node each say about every open batch and the coins it spends. */
    String describeInFlight() {
        StringBuilder out = new StringBuilder();
        Set<String> mempool = new HashSet<>(node.mempool());
        out.append("node height ").append(node.blockCount()).append(", wallet height ").append(wallet.state().chainHeight())
                .append(", node mempool ").append(mempool.size()).append(" txs, clock ").append(now()).append('\n');
        for (org.proxyfund.treasury.Sweep s : sweeps.inFlight()) {
            out.append("sweep ").append(s.id()).append(' ').append(s.state()).append(' ').append(s.txid()).append(": wallet ")
                    .append(wallet.txStatus(s.txid())).append(", node mempool ").append(mempool.contains(s.txid())).append('\n');
        }
        for (PayoutBatchView b : queries.inStates(List.of(BatchState.SIGNED, BatchState.BROADCAST), 10_000)) {
            out.append("batch ").append(b.id()).append(' ').append(b.state()).append(" signed ").append(b.signedAt())
                    .append(" broadcast ").append(b.broadcastAt()).append(" waiting ").append(b.waitingReason()).append('\n');
            for (PayoutTx tx : queries.transactions(b.id())) {
                out.append("  tx ").append(tx.seq()).append(' ').append(tx.txid()).append(": wallet ")
                        .append(wallet.txStatus(tx.txid())).append(", node mempool ").append(mempool.contains(tx.txid())).append('\n');
                org.bitcoinj.core.Transaction parsed = org.bitcoinj.core.Transaction.read(java.nio.ByteBuffer.wrap(tx.raw()));
                for (org.bitcoinj.core.TransactionInput in : parsed.getInputs()) {
                    String parent = in.getOutpoint().hash().toString();
                    com.fasterxml.jackson.databind.JsonNode utxo = node.rpc("gettxout", parent, in.getOutpoint().index(), true);
                    out.append("    in ").append(parent).append(':').append(in.getOutpoint().index()).append(": wallet ")
                            .append(wallet.txStatus(parent)).append(", node mempool ").append(mempool.contains(parent))
                            .append(", node utxo ").append(utxo == null || utxo.isNull() ? "none" : "confirmations " + utxo.path("confirmations"))
                            .append('\n');
                }
            }
        }
        return out.toString();
    }

    /** The waiting reason's code stored on the batch (FLOAT_CAP, FUNDS, …), or null. */
    String waitingCode(long batchId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "SELECT waiting_code FROM payout_batch WHERE id = ?1").setParameter(1, batchId).getSingleResult());
    }

    int inFlight() {
        return queries.inStates(List.of(BatchState.SIGNED, BatchState.BROADCAST), 10_000).size();
    }

    /** Batches created since {@code firstBatchId}, by state. */
    Map<BatchState, Integer> batchesByState(long firstBatchId) {
        Map<BatchState, Integer> out = new EnumMap<>(BatchState.class);
        for (PayoutBatchView b : batchesSince(firstBatchId)) {
            out.merge(b.state(), 1, Integer::sum);
        }
        return out;
    }

    List<PayoutBatchView> batchesSince(long firstBatchId) {
        return queries.inStates(List.of(BatchState.values()), 100_000).stream().filter(b -> b.id() >= firstBatchId).toList();
    }

    long lastBatchId() {
        return queries.inStates(List.of(BatchState.values()), 1).stream().mapToLong(PayoutBatchView::id).max().orElse(0);
    }

    /** Σ amounts and number of CONFIRMED lines per operator. */
    Map<Long, long[]> confirmedLines(Collection<Long> operators) {
        Map<Long, long[]> out = new HashMap<>();
        for (PayoutBatchView b : queries.inStates(List.of(BatchState.CONFIRMED), 100_000)) {
            for (PayoutLine l : queries.lines(b.id())) {
                if (operators.contains(l.accountId())) {
                    long[] acc = out.computeIfAbsent(l.accountId(), k -> new long[2]);
                    acc[0] += l.amountSats();
                    acc[1]++;
                }
            }
        }
        return out;
    }

    /** Σ of the operator's payable account's lines in ledger entries of {@code kind}. */
    long payableLines(long accountId, String kind) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                SELECT COALESCE(SUM(l.amount_sats), 0) FROM ledger_line l JOIN ledger_entry e ON e.id = l.entry_id
                WHERE l.account = ?1 AND e.kind = ?2""").setParameter(1, "operator_payable:" + accountId)
                .setParameter(2, kind).getSingleResult()).longValue());
    }

    /** Fee-bump replacements recorded for batches since {@code firstBatchId}. */
    int replacements(long firstBatchId) {
        return batchesSince(firstBatchId).stream().mapToInt(b -> queries.transactions(b.id()).size() - 1).filter(n -> n > 0).sum();
    }

    /**
     * Suspends the operators earlier tests of this JVM left eligible (e.g. one with an address of another network,
     * whose line fails every batch it joins), so proposals hold only the simulation's operators; returns their ids.
     */
    @SuppressWarnings("unchecked")
    List<Long> suspendOtherOperators() {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Number>) em.createNativeQuery(
                "UPDATE account SET state = 'SUSPENDED' WHERE role = 'OPERATOR' AND state = 'APPROVED' RETURNING id")
                .getResultList()).stream().map(Number::longValue).toList());
    }

    /**
     * Leaves the shared test database as other tests expect it: the simulated operators suspended (nobody proposes
     * them again), the other operators approved again, and the far-future settlements deleted (a later settleDue
     * must not find them "already settled").
     */
    void cleanUp(Collection<Long> operators, Collection<Long> others) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (!operators.isEmpty()) {
                em.createNativeQuery("UPDATE account SET state = 'SUSPENDED' WHERE id IN (?1)")
                        .setParameter(1, List.copyOf(operators)).executeUpdate();
            }
            if (!others.isEmpty()) {
                em.createNativeQuery("UPDATE account SET state = 'APPROVED' WHERE id IN (?1)")
                        .setParameter(1, List.copyOf(others)).executeUpdate();
            }
            em.createNativeQuery("DELETE FROM settlement WHERE epoch_start >= ?1")
                    .setParameter(1, FIRST_EPOCH.atOffset(ZoneOffset.UTC)).executeUpdate();
        });
    }
}
