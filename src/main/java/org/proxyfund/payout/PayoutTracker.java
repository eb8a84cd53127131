package org.proxyfund.payout;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.proxyfund.wallet.BroadcastResult;
import org.proxyfund.wallet.BumpResult;
import org.proxyfund.wallet.TxStatus;
import org.proxyfund.wallet.WalletService;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Follows in-flight batches on the chain: CONFIRMED when any of the batch's transactions (original or a
 * replacement) has the required confirmations, FAILED only when a transaction that is none of the batch's own spent
 * its coins and is confirmed as deep, a fee bump by replacement when the node's estimate for the target passes the
 * batch's rate or when it is stuck, and a rebroadcast of the stored bytes when the network seems to have forgotten
 * them.
 */
@ApplicationScoped
public class PayoutTracker {

    private static final Logger LOG = Logger.getLogger(PayoutTracker.class);

    @Inject
    PayoutService payouts;
    @Inject
    PayoutQueries queries;
    @Inject
    WalletService wallet;
    @Inject
    PayoutConfig config;
    @Inject
    PayoutFault fault;
    @Inject
    FeeEstimator fees;

    private final Map<String, Instant> lastBroadcast = new ConcurrentHashMap<>();
    /** Transactions whose last broadcast no node took: sent again at the next pass. */
    private final java.util.Set<String> notTaken = ConcurrentHashMap.newKeySet();

    /** Tracks every SIGNED and BROADCAST batch; returns how many reached CONFIRMED now. */
    public int track() {
        return track(Instant.now());
    }

    /** As {@link #track()}, with the clock given (tests move it past stuck-after). */
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

    private boolean trackOne(long batchId, Instant now, Supplier<FeeEstimate> rate) {
        List<PayoutTx> txs = queries.transactions(batchId);
        boolean allDead = !txs.isEmpty();
        String conflict = null;
        int conflictDepth = 0;
        PayoutTx newestAlive = null;
        for (PayoutTx tx : txs) {
            TxStatus status = wallet.txStatus(tx.txid());
            if (!(status instanceof TxStatus.Conflicted gone && gone.dead())) {
                newestAlive = tx;
            }
            if (status instanceof TxStatus.Confirmed c) {
                fault.at(PayoutFault.Step.DURING_TRACKING);
                PayoutOutcome outcome = payouts.markConfirmed(batchId, tx.txid(), c.depth());
                return outcome instanceof PayoutOutcome.Done d && d.batch().state() == BatchState.CONFIRMED;
            }
            if (status instanceof TxStatus.Conflicted k && k.dead() && k.conflictingTxid().isPresent()
                    && txs.stream().noneMatch(t -> t.txid().equals(k.conflictingTxid().get()))) {
                if (conflict == null || k.conflictingDepth() > conflictDepth) {
                    conflict = k.conflictingTxid().get();
                    conflictDepth = k.conflictingDepth();
                }
            } else {
                allDead = false;
            }
        }
        if (allDead && conflict != null && conflictDepth >= config.confirmations()) {
            payouts.failConflicted(batchId, "its coins were spent by " + conflict + ", confirmed " + conflictDepth
                    + " times; no transaction of this batch can confirm", conflict, conflictDepth);
            return false;
        }
        if (allDead) {
            return false; // a conflicting spend is not yet deep enough: nothing of ours can be sent meanwhile
        }
        PayoutBatchView batch = queries.batch(batchId).orElseThrow();
        PayoutTx latest = txs.getLast();
        // Unconfirmed since its newest transaction was stored, or since a reorg took its confirmation away: a batch
        // back in flight after a reorg is first sent again as it was, not bumped at once for its age.
        Instant since = batch.reorgedAt() != null && batch.reorgedAt().isAfter(latest.createdAt())
                ? batch.reorgedAt() : latest.createdAt();
        if (batch.state() == BatchState.BROADCAST && bumpIfDue(batch, txs, latest, since, now, rate)) {
            return false;
        }
        // Not bumped (not stuck, or a bump is not possible now): keep the network holding one of its transactions.
        // The newest one the wallet does not consider dead: after a reorg took the transaction that had won back out
        // of the chain, that one is pending again and the replacements it had killed stay dead in the wallet.
        rebroadcastIfForgotten(batch, newestAlive != null ? newestAlive : latest, now);
        return false;
    }

    /**
     * A bump by target: the node's estimate for the target is above the rate the batch pays, so it is raised to the
     * estimate at once. A bump when stuck: unconfirmed for {@code stuck-after}, raised by {@code bump-percent} (and to
     * the estimate at least). Neither beyond the ceiling or {@code max-bumps}.
     */
    private boolean bumpIfDue(PayoutBatchView batch, List<PayoutTx> txs, PayoutTx latest, Instant since, Instant now,
                              Supplier<FeeEstimate> rate) {
        boolean stuck = Duration.between(since, now).compareTo(config.stuckAfter()) > 0;
        FeeEstimate estimate = rate.get();
        boolean belowTarget = estimate.fromNode() && estimate.satPerVb() > latest.satPerVb();
        if (!stuck && !belowTarget) {
            return false;
        }
        int bumps = txs.size() - 1;
        if (bumps >= config.fee().maxBumps()) {
            payouts.noteWaiting(batch.id(), BatchWait.of(BatchWait.Why.MAX_BUMPS, bumps, latest.satPerVb()));
            return false;
        }
        long oldRate = latest.satPerVb();
        long next = stuck ? Math.max(oldRate * (100 + config.bumpPercent()) / 100, oldRate + 1) : oldRate + 1;
        if (estimate.fromNode()) {
            next = Math.max(next, estimate.satPerVb());
        }
        return bump(batch, latest, next, estimate, now);
    }

    /**
     * Signs a replacement at {@code rate}, stores it beside the original, then broadcasts it. False when no
     * replacement was sent (the rate or fee cap, too few coins, or the bump is not possible), with the reason noted.
     */
    boolean bump(PayoutBatchView batch, PayoutTx latest, long rate, FeeEstimate basis, Instant now) {
        long oldRate = latest.satPerVb();
        if (rate > config.maxFeeRateSatPerVb()) {
            payouts.noteWaiting(batch.id(), BatchWait.of(BatchWait.Why.FEE_CEILING, oldRate, config.maxFeeRateSatPerVb()));
            return false;
        }
        switch (wallet.bumpFee(latest.raw(), rate, config.confirmations())) {
            case BumpResult.Bumped b -> {
                if (FeeShare.tooHigh(b.replacement().feeSats(), batch.totalSats(), config.maxFeeShareBp())) {
                    payouts.noteWaiting(batch.id(), BatchWait.of(BatchWait.Why.BUMP_FEE_SHARE, b.replacement().feeSats(),
                            BatchWait.percent(config.maxFeeShareBp()), batch.totalSats()));
                    return false;
                }
                fault.at(PayoutFault.Step.AFTER_BUMP_SIGN_BEFORE_COMMIT);
                SignedTransaction replacement = new SignedTransaction(b.replacement().txid(), b.replacement().raw());
                PayoutOutcome stored = payouts.recordReplacement(batch.id(), replacement, b.replacement().feeSats(),
                        b.replacement().vsize(), basis);
                if (!(stored instanceof PayoutOutcome.Done)) {
                    LOG.infof("batch %d: replacement not recorded (%s); dropped unsent", batch.id(), stored);
                    return false;
                }
                fault.at(PayoutFault.Step.AFTER_BUMP_COMMIT_BEFORE_BROADCAST);
                LOG.infof("batch %d: fee bumped from %d to %d sat/vB by %s", batch.id(), oldRate, rate, replacement.txid());
                broadcast(replacement.txid(), replacement.raw(), now);
                return true;
            }
            case BumpResult.InsufficientFunds f -> {
                payouts.noteWaiting(batch.id(), BatchWait.of(BatchWait.Why.BUMP_FUNDS, f.missingSats()));
                return false;
            }
            case BumpResult.CannotBump c -> {
                payouts.noteWaiting(batch.id(), BatchWait.of(BatchWait.Why.CANNOT_BUMP, c.reason()));
                return false;
            }
        }
    }

    /**
     * Sends a stored transaction again every {@code rebroadcast-every}: a node may have dropped it (a reorg, a
     * restart, mempool expiry), and a node that still holds it just says so. At once when a reorg took the batch's
     * confirmation away since the last broadcast (the reconciler sends it right away; this covers a crash in between).
     */
    private void rebroadcastIfForgotten(PayoutBatchView batch, PayoutTx latest, Instant now) {
        Instant last = lastBroadcast.containsKey(latest.txid()) ? lastBroadcast.get(latest.txid())
                : notTaken.contains(latest.txid()) ? null : batch.broadcastAt();
        boolean reorgSince = batch.reorgedAt() != null && (last == null || batch.reorgedAt().isAfter(last));
        if (!reorgSince && last != null && Duration.between(last, now).compareTo(config.rebroadcastEvery()) < 0) {
            return;
        }
        broadcast(latest.txid(), latest.raw(), now);
    }

    /**
     * Broadcasts stored bytes (safe to repeat) and remembers when. One that no node took is not remembered, so the
     * next pass tries again instead of waiting {@code rebroadcast-every} (a node drops the connection of a wallet that
     * just restarted, for one, and a broadcast in that moment finds nobody).
     */
    BroadcastResult broadcast(String txid, byte[] raw, Instant now) {
        lastBroadcast.remove(txid);
        notTaken.add(txid); // until a node has it
        BroadcastResult result = wallet.broadcast(raw);
        if (result.outcome() == BroadcastResult.Outcome.REJECTED || result.outcome() == BroadcastResult.Outcome.NOT_TAKEN) {
            LOG.warnf("broadcast of %s: %s (%s)", txid, result.outcome(), result.detail());
        }
        if (result.outcome() != BroadcastResult.Outcome.NOT_TAKEN) {
            lastBroadcast.put(txid, now);
            notTaken.remove(txid);
        }
        return result;
    }
}
