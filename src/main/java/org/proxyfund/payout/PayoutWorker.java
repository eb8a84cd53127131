package org.proxyfund.payout;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.proxyfund.treasury.SweepWorker;
import org.proxyfund.wallet.BroadcastResult;
import org.proxyfund.wallet.PaymentOutput;
import org.proxyfund.wallet.SignResult;
import org.proxyfund.wallet.TxStatus;
import org.proxyfund.wallet.WalletService;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Supplier;

/**
 * The sending loop, the whole of it: {@link #runOnce(Instant)} reads as the sequence a batch goes through once
 * approved. Every state change goes through {@link PayoutService} (the one writer); every transaction reaches the
 * network through {@link #broadcast}, whether first sent, sent again after a restart or a reorg, or a fee bump
 * ({@link FeeBumps} signs and stores a replacement; this class sends it). Runs
 * on the one replica that holds the payout leader lock, so two replicas never sign around the same coins.
 */
@ApplicationScoped
public class PayoutWorker {

    private static final Logger LOG = Logger.getLogger(PayoutWorker.class);

    @Inject
    PayoutConfig config;
    @Inject
    WalletService wallet;
    @Inject
    PayoutLeader leader;
    @Inject
    PayoutService payouts;
    @Inject
    PayoutQueries queries;
    @Inject
    PayoutFault fault;
    @Inject
    FeeEstimator fees;
    @Inject
    FeeBumps bumps;
    @Inject
    PsbtOffers psbts;
    @Inject
    SweepWorker sweeps;
    @Inject
    FloatRouting floatRouting;

    private final BroadcastMemory sent = new BroadcastMemory();

    @Scheduled(every = "${proxyfund.payout.work-every:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.schedulerEnabled()) {
            pass();
        }
    }

    /**
     * One scheduled pass: skipped (false) while the wallet is off or not synced (it may not have seen the latest
     * blocks yet) or another replica leads; otherwise {@link #runOnce()}, and true.
     */
    public boolean pass() {
        if (!wallet.running() || !wallet.state().synced() || !leader.lead()) {
            return false;
        }
        try {
            runOnce();
        } catch (PayoutFault.InjectedFault e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("payout work failed; the next run retries", e);
        }
        return true;
    }

    public void runOnce() {
        runOnce(Instant.now());
    }

    /**
     * One pass, in order:
     * <ol>
     * <li>reconcile: a CONFIRMED batch a reorg took out of the chain goes back to BROADCAST and its same bytes out
     * again; every SIGNED batch is broadcast from its stored bytes; every batch in flight is tracked (confirmed,
     * failed on a deep conflicting spend, fee-bumped, or its transaction sent again if the network forgot it);</li>
     * <li>send: each APPROVED batch, oldest first, is signed, stored SIGNED, broadcast from the stored bytes, and
     * marked BROADCAST;</li>
     * <li>reconcile again when anything was signed, so the new batches are followed at once;</li>
     * <li>the hot float ({@link SweepWorker}, {@link FloatRouting}): its sweeps and refills are followed first of all
     * (a sweep recorded before a restart is sent before anything else signs, so the wallet knows its coins are spent),
     * and last, with no batch left SIGNED, what the hot wallet holds above the cap is swept to cold storage.</li>
     * </ol>
     */
    public void runOnce(Instant now) {
        floatStep(() -> sweeps.reconcile(config.confirmations(), fault::atSweep));
        floatStep(floatRouting::reconcileRefills);
        reconcile(now);
        if (sendApproved(now) > 0) {
            reconcile(now);
        }
        if (queries.idsIn(BatchState.SIGNED).isEmpty()) {
            floatStep(() -> {
                Set<String> promised = new HashSet<>();
                psbts.reservedCoins().values().forEach(promised::addAll);
                sweeps.sweepIfAbove(config.confirmations(), () -> fees.estimate(queries.inFlightTxids()).satPerVb(), promised,
                        fault::atSweep);
            });
        }
    }

    /**
     * The float's trouble is logged and retried next pass; it never keeps the payouts from running. An injected fault
     * is a crash, not trouble: it goes on up like the sending steps' own.
     */
    private static void floatStep(Runnable step) {
        try {
            step.run();
        } catch (PayoutFault.InjectedFault e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("hot float: sweep or refill work failed; the next pass retries", e);
        }
    }

    public int reconcile() {
        return reconcile(Instant.now());
    }

    /** Step 1 (also the first move after a restart): returns how many batches it found in flight. */
    public int reconcile(Instant now) {
        takeBackWhatLeftTheChain(now);
        List<Long> signed = queries.idsIn(BatchState.SIGNED);
        for (long id : signed) {
            broadcastStored(id, now);
        }
        int inFlight = signed.size() + queries.idsIn(BatchState.BROADCAST).size();
        track(now);
        return inFlight;
    }

    public int sendApproved() {
        return sendApproved(Instant.now());
    }

    /**
     * Step 2: SIGNED batches are broadcast first, and while one is still SIGNED nothing new is signed (its coins are
     * not yet known spent); then every APPROVED batch is sent, never spending a coin reserved for a PSBT on offer
     * ({@link PsbtOffers#reservedCoins()}), or with {@code signing=psbt} offered to the admins as a PSBT
     * ({@link PsbtOffers}). Returns how many batches were signed now.
     */
    public int sendApproved(Instant now) {
        for (long id : queries.idsIn(BatchState.SIGNED)) {
            broadcastStored(id, now);
        }
        if (!queries.idsIn(BatchState.SIGNED).isEmpty()) {
            return 0;
        }
        if (config.signing() == PayoutConfig.Signing.PSBT || !wallet.canSign()) {
            psbts.offerApproved(); // the admins sign; a stored upload is SIGNED and sent by reconcile
            return 0;
        }
        // A PSBT on offer (e.g. offered before signing became hot) spends coins the wallet does not know are promised:
        // hot signing never selects them, or the admins' upload could never confirm.
        Map<Long, Set<String>> reserved = psbts.reservedCoins();
        int signed = 0;
        for (long id : queries.idsIn(BatchState.APPROVED)) {
            if (send(id, now, reserved)) {
                signed++;
            }
        }
        return signed;
    }

    boolean send(long batchId) {
        return send(batchId, Instant.now(), psbts.reservedCoins());
    }

    /**
     * Sign → store (SIGNED, committed) → broadcast the stored bytes → BROADCAST, never spending a coin {@code reserved}
     * for a PSBT on offer (by batch). False when it waits, failed or changed.
     */
    boolean send(long batchId, Instant now, Map<Long, Set<String>> reserved) {
        PayoutBatchView batch = queries.batch(batchId).orElse(null);
        if (batch == null || batch.state() != BatchState.APPROVED) {
            return false;
        }
        Optional<BatchWait> aboveCap = floatRouting.beforeSigning(batch.totalSats());
        if (aboveCap.isPresent()) {
            payouts.noteWaiting(batchId, aboveCap.get());
            return false;
        }
        List<PayoutLine> lines = queries.lines(batchId);
        List<PaymentOutput> outputs = lines.stream().map(l -> new PaymentOutput(l.address(), l.amountSats())).toList();
        // The rate the node's estimate gives for the target, between floor and ceiling (docs/payouts.md, "Fees").
        FeeEstimate rate = fees.estimate(queries.inFlightTxids());
        // Only coins confirmed as deep as a payout must be: see docs/payouts.md, "Which coins a batch spends".
        Set<String> promised = new HashSet<>();
        reserved.values().forEach(promised::addAll);
        SignResult result = wallet.buildAndSign(outputs, rate.satPerVb(), config.confirmations(), promised);
        switch (result) {
            case SignResult.InsufficientFunds f -> {
                payouts.noteWaiting(batchId, floatRouting.lacking(f.missingSats()));
                return false;
            }
            case SignResult.CoinsReserved f -> {
                payouts.noteWaiting(batchId, BatchWait.of(BatchWait.Why.COINS_RESERVED, f.missingSats(),
                        reserved.keySet().stream().map(id -> "#" + id).collect(Collectors.joining(", "))));
                return false;
            }
            case SignResult.InvalidOutput bad -> {
                PayoutLine line = bad.index() >= 0 && bad.index() < lines.size() ? lines.get(bad.index()) : null;
                payouts.fail(batchId, line == null ? "refused by the wallet: " + bad.reason()
                        : "line " + bad.index() + " (operator " + line.accountId() + ", " + line.address() + "): " + bad.reason());
                return false;
            }
            case SignResult.Signed s -> {
                if (FeeShare.tooHigh(s.feeSats(), batch.totalSats(), config.maxFeeShareBp())) {
                    payouts.noteWaiting(batchId, BatchWait.of(BatchWait.Why.FEE_SHARE, s.feeSats(),
                            BatchWait.percent(config.maxFeeShareBp()), batch.totalSats()));
                    return false;
                }
                Optional<BatchWait> overCap = floatRouting.afterSigning(batch.totalSats(), s.feeSats());
                if (overCap.isPresent()) {
                    payouts.noteWaiting(batchId, overCap.get());
                    return false;
                }
                fault.at(PayoutFault.Step.AFTER_SIGN_BEFORE_COMMIT);
                PayoutOutcome stored = payouts.markSigned(batchId, new SignedTransaction(s.txid(), s.raw()), s.feeSats(),
                        s.vsize(), rate);
                if (!(stored instanceof PayoutOutcome.Done done) || !s.txid().equals(done.batch().txid())) {
                    LOG.infof("batch %d changed while it was signed (%s); the signature is dropped unsent", batchId, stored);
                    return false;
                }
                fault.at(PayoutFault.Step.AFTER_COMMIT_BEFORE_BROADCAST);
                broadcastStored(batchId, now);
                return true;
            }
        }
    }

    /** Broadcasts the stored original of a SIGNED batch and marks it BROADCAST once a node has it. */
    private void broadcastStored(long batchId, Instant now) {
        PayoutTx original = queries.transactions(batchId).stream().filter(t -> t.seq() == 0).findFirst().orElse(null);
        if (original == null) {
            return;
        }
        BroadcastResult result = broadcast(original, now);
        fault.at(PayoutFault.Step.AFTER_BROADCAST_BEFORE_STATE);
        switch (result.outcome()) {
            case SENT, ALREADY_KNOWN -> payouts.markBroadcast(batchId, original.txid());
            case REJECTED, NOT_TAKEN -> payouts.noteWaiting(batchId, BatchWait.of(result.outcome() == BroadcastResult.Outcome.REJECTED
                    ? BatchWait.Why.NODE_REJECTED : BatchWait.Why.NODE_DID_NOT_TAKE, original.txid(), result.detail()));
        }
    }

    public int track() {
        return track(Instant.now());
    }

    /** Tracks every SIGNED and BROADCAST batch, with the clock given (tests move it past stuck-after); returns how many reached CONFIRMED now. */
    public int track(Instant now) {
        int confirmed = 0;
        FeeEstimate[] estimate = new FeeEstimate[1]; // asked of the node once per pass, when a batch needs it
        Supplier<FeeEstimate> rate = () -> estimate[0] != null ? estimate[0]
                : (estimate[0] = fees.estimate(queries.inFlightTxids()));
        for (BatchState state : List.of(BatchState.SIGNED, BatchState.BROADCAST)) {
            for (long id : queries.idsIn(state)) {
                try {
                    if (trackOne(id, now, rate)) {
                        confirmed++;
                    }
                } catch (PayoutFault.InjectedFault e) {
                    throw e;
                } catch (RuntimeException e) {
                    LOG.errorf(e, "batch %d: tracking failed; the next pass retries", id);
                }
            }
        }
        return confirmed;
    }

    /** Confirmed → CONFIRMED; lost to a deep conflicting spend → FAILED; else bump when due, else send again if forgotten. */
    private boolean trackOne(long batchId, Instant now, Supplier<FeeEstimate> rate) {
        List<PayoutTx> txs = queries.transactions(batchId);
        BatchOnChain chain = BatchOnChain.read(txs, wallet::txStatus);
        if (chain.confirmed() != null) {
            fault.at(PayoutFault.Step.DURING_TRACKING);
            PayoutOutcome outcome = payouts.markConfirmed(batchId, chain.confirmed().txid(), chain.depth());
            return outcome instanceof PayoutOutcome.Done d && d.batch().state() == BatchState.CONFIRMED;
        }
        if (chain.lostTo(config.confirmations())) {
            payouts.failConflicted(batchId, "its coins were spent by " + chain.conflict() + ", confirmed " + chain.conflictDepth()
                    + " times; no transaction of this batch can confirm", chain.conflict(), chain.conflictDepth());
            return false;
        }
        if (chain.allDead()) {
            return false; // a conflicting spend is not yet deep enough: nothing of ours can be sent meanwhile
        }
        PayoutBatchView batch = queries.batch(batchId).orElseThrow();
        PayoutTx latest = txs.getLast();
        // Unconfirmed since its newest transaction was stored, or since a reorg took its confirmation away: a batch
        // back in flight after a reorg is first sent again as it was, not bumped at once for its age.
        Instant since = batch.reorgedAt() != null && batch.reorgedAt().isAfter(latest.createdAt())
                ? batch.reorgedAt() : latest.createdAt();
        if (batch.state() == BatchState.BROADCAST) {
            Optional<SignedTransaction> replacement = bumps.ifDue(batch, txs, latest, since, now, rate);
            if (replacement.isPresent()) {
                broadcast(replacement.get().txid(), replacement.get().raw(), now);
                return false;
            }
        }
        // Not bumped (not stuck, or a bump is not possible now): keep the network holding one of its transactions.
        // The newest one the wallet does not consider dead: after a reorg took the transaction that had won back out
        // of the chain, that one is pending again and the replacements it had killed stay dead in the wallet.
        PayoutTx keep = chain.newestAlive() != null ? chain.newestAlive() : latest;
        if (sent.due(keep.txid(), batch.broadcastAt(), batch.reorgedAt(), now, config.rebroadcastEvery())) {
            broadcast(keep, now);
        }
        return false;
    }

    /**
     * CONFIRMED batches of the last {@code watch-confirmed-for} whose confirming transaction is no longer in the
     * wallet's best chain (pending again, or in conflict) go back to BROADCAST, their booking reversed, and the same
     * stored bytes are sent again: the same transaction, so it can pay only once. Only on a synced wallet: one still
     * catching up may not have seen the block yet. A transaction mined again in the new branch stays CONFIRMED.
     */
    private void takeBackWhatLeftTheChain(Instant now) {
        if (!wallet.state().synced()) {
            return;
        }
        for (PayoutBatchView batch : queries.inStates(List.of(BatchState.CONFIRMED), 1_000)) {
            if (batch.closedAt() == null || Duration.between(batch.closedAt(), now).compareTo(config.watchConfirmedFor()) > 0) {
                continue;
            }
            TxStatus status = wallet.txStatus(batch.confirmedTxid());
            if (status instanceof TxStatus.Pending || status instanceof TxStatus.Conflicted) {
                leftChain(batch, status, now);
            }
        }
    }

    private void leftChain(PayoutBatchView batch, TxStatus status, Instant now) {
        String txid = batch.confirmedTxid();
        LOG.errorf("batch %d: its confirmed transaction %s left the chain (reorg, now %s); back to BROADCAST, its booking"
                + " reversed", batch.id(), txid, status);
        PayoutOutcome outcome = payouts.markLeftChain(batch.id(), txid);
        if (!(outcome instanceof PayoutOutcome.Done)) {
            LOG.warnf("batch %d: not moved back (%s)", batch.id(), outcome);
            return;
        }
        fault.at(PayoutFault.Step.AFTER_LEFT_CHAIN_BEFORE_REBROADCAST);
        if (status instanceof TxStatus.Conflicted c && c.dead()) {
            return; // a conflicting spend is in the chain: tracking fails the batch once it is deep enough
        }
        try {
            queries.transactions(batch.id()).stream().filter(t -> t.txid().equals(txid)).findFirst()
                    .ifPresent(t -> broadcast(t, now));
        } catch (RuntimeException e) {
            LOG.errorf(e, "batch %d: rebroadcast after the reorg failed; tracking sends it again", batch.id());
        }
    }

    private BroadcastResult broadcast(PayoutTx tx, Instant now) {
        return broadcast(tx.txid(), tx.raw(), now);
    }

    /**
     * The one place a signed batch transaction reaches the network: stored bytes only (safe to repeat), remembered
     * as sent unless no node took it.
     */
    private BroadcastResult broadcast(String txid, byte[] raw, Instant now) {
        sent.sending(txid);
        BroadcastResult result = wallet.broadcast(raw);
        if (result.outcome() == BroadcastResult.Outcome.REJECTED || result.outcome() == BroadcastResult.Outcome.NOT_TAKEN) {
            LOG.warnf("broadcast of %s: %s (%s)", txid, result.outcome(), result.detail());
        }
        if (result.outcome() != BroadcastResult.Outcome.NOT_TAKEN) {
            sent.answered(txid, now);
        }
        return result;
    }

    void onStop(@Observes ShutdownEvent event) {
        leader.release();
    }
}
