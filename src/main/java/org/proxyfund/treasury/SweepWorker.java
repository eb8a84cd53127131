package org.proxyfund.treasury;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.proxyfund.wallet.BitcoinConfig;
import org.proxyfund.wallet.BroadcastResult;
import org.proxyfund.wallet.ColdAddresses;
import org.proxyfund.wallet.PaymentOutput;
import org.proxyfund.wallet.SignResult;
import org.proxyfund.wallet.TxStatus;
import org.proxyfund.wallet.WalletConfig;
import org.proxyfund.wallet.WalletService;
import org.proxyfund.wallet.WalletStartupException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The hot float running: sweeps what the hot wallet holds above the cap to the cold wallet's next receive address,
 * and follows every sweep to its confirmation. Driven by the payout worker's pass on the payout leader (so sweeps and
 * payouts never sign around the same coins at once): {@link #reconcile} first, {@link #sweepIfAbove} last. Every
 * state change goes through {@link SweepService}; every sweep is stored signed before anything sends it. The worker's
 * {@code fault} hook is called at each {@link SweepPoint} (the payout worker passes its fault injection's; it throws or
 * halts only when a regtest test armed it).
 */
@ApplicationScoped
public class SweepWorker {

    private static final Logger LOG = Logger.getLogger(SweepWorker.class);
    /** Confirmed sweeps watched for a reorg that takes their block away (newest first). */
    private static final int WATCH_CONFIRMED = 50;

    @Inject
    TreasuryConfig config;
    @Inject
    WalletConfig walletConfig;
    @Inject
    BitcoinConfig bitcoin;
    @Inject
    WalletService wallet;
    @Inject
    SweepService sweeps;
    @Inject
    SweepRepository repository;

    private volatile FloatPolicy policy;
    private volatile ColdAddresses cold;
    private final Map<String, Instant> sentAt = new ConcurrentHashMap<>();

    /** Checks the float's configuration at start (after the wallet opened): a bad key stops the service with the reason. */
    void onStart(@Observes @Priority(110) StartupEvent event) {
        configure();
    }

    void configure() {
        FloatPolicy p = FloatPolicy.of(config);
        if (p.hasFloat() && walletConfig.enabled() && walletConfig.watchKey().isEmpty()) {
            String key = config.coldWatchKey().filter(k -> !k.isBlank()).orElseThrow(() -> new WalletStartupException(
                    "proxyfund.treasury.hot-cap-sats is " + p.capSats() + " but proxyfund.treasury.cold-watch-key is not set:"
                            + " a hot float sweeps to the cold wallet, give its BIP-84 account public key (xpub/zpub, tpub/vpub)"));
            ColdAddresses c = ColdAddresses.parse(key, bitcoin.network());
            if (wallet.running() && wallet.ownsAddress(c.address(0))) {
                throw new WalletStartupException("proxyfund.treasury.cold-watch-key is the hot wallet's own account key:"
                        + " sweeps would pay the hot wallet; give the cold wallet's account key");
            }
            cold = c;
        }
        policy = p;
    }

    /** The float's rules as configured. */
    public FloatPolicy policy() {
        return policy;
    }

    /**
     * Follows every sweep: a CONFIRMED one whose block a reorg took goes back to BROADCAST (its booking reversed) and
     * its same bytes out again; a SIGNED one (recorded, perhaps never sent: a restart) is broadcast from its stored
     * bytes; one in flight is confirmed at {@code confirmations}, failed once a conflicting spend is that deep, or sent
     * again when the wallet does not know it or every {@code sweep-rebroadcast-every} while it is pending.
     */
    public void reconcile(int confirmations, Consumer<SweepPoint> fault) {
        if (!wallet.running()) {
            return;
        }
        for (SweepRow row : repository.inStates(List.of(SweepState.CONFIRMED), WATCH_CONFIRMED)) {
            takeBackIfLeftChain(row, fault);
        }
        for (SweepRow row : repository.inStates(List.of(SweepState.SIGNED), 100)) {
            sendAndMark(row, fault);
        }
        for (SweepRow row : repository.inStates(List.of(SweepState.SIGNED, SweepState.BROADCAST), 100)) {
            track(row, confirmations, fault);
        }
    }

    /** Sends a stored sweep's bytes and, once the network has them, marks it BROADCAST. */
    private void sendAndMark(SweepRow row, Consumer<SweepPoint> fault) {
        BroadcastResult result = send(row);
        if (result.outcome() == BroadcastResult.Outcome.SENT || result.outcome() == BroadcastResult.Outcome.ALREADY_KNOWN) {
            fault.accept(SweepPoint.AFTER_BROADCAST_BEFORE_STATE);
            sweeps.apply(row.sweep().id(), new SweepCommand.MarkBroadcast(row.sweep().txid()));
        }
    }

    /** A CONFIRMED sweep the wallet no longer sees in its best chain goes back to BROADCAST, and out again. */
    private void takeBackIfLeftChain(SweepRow row, Consumer<SweepPoint> fault) {
        Sweep s = row.sweep();
        TxStatus status = wallet.txStatus(s.txid());
        if (!(status instanceof TxStatus.Pending || status instanceof TxStatus.Conflicted)) {
            return;
        }
        if (!(sweeps.apply(s.id(), new SweepCommand.MarkLeftChain(s.txid())) instanceof SweepMachine.Result.Ok)) {
            return;
        }
        LOG.errorf("sweep %d: its confirmed transaction %s left the chain; booking reversed", s.id(), s.txid());
        fault.accept(SweepPoint.AFTER_LEFT_CHAIN_BEFORE_REBROADCAST);
        if (status instanceof TxStatus.Conflicted c && c.dead()) {
            return; // a conflicting spend is in the chain: tracking fails the sweep once that is deep enough
        }
        send(row); // the same stored bytes
    }

    private void track(SweepRow row, int confirmations, Consumer<SweepPoint> fault) {
        Sweep s = row.sweep();
        switch (wallet.txStatus(s.txid())) {
            case TxStatus.Confirmed c -> {
                fault.accept(SweepPoint.DURING_TRACKING);
                if (sweeps.apply(s.id(), new SweepCommand.MarkConfirmed(s.txid(), c.depth(), confirmations))
                        instanceof SweepMachine.Result.Ok ok && ok.changed()) {
                    sentAt.remove(s.txid()); // done sending; a reorg sends it at once anyway
                }
            }
            case TxStatus.Conflicted c when c.dead() && c.conflictingTxid().isPresent() -> sweeps.apply(s.id(),
                    new SweepCommand.FailConflicted(c.conflictingTxid().get(), c.conflictingDepth(), confirmations));
            case TxStatus.Unknown u -> send(row);
            case TxStatus.Pending p -> {
                Instant last = sentAt.get(s.txid());
                if (last == null || Duration.between(last, Instant.now()).compareTo(config.sweepRebroadcastEvery()) > 0) {
                    send(row);
                }
            }
            case TxStatus.Conflicted c -> {
            }
        }
    }

    /**
     * One sweep when the hot wallet holds more than the cap: records it (signed, SIGNED) and broadcasts the stored
     * bytes. {@code reserved}: coins promised elsewhere (PSBTs on offer), never spent. Returns the sweep, if any.
     */
    public Optional<Long> sweepIfAbove(int confirmations, LongSupplier feeRateSatPerVb, Set<String> reserved,
                                       Consumer<SweepPoint> fault) {
        Optional<Long> id = record(confirmations, feeRateSatPerVb, reserved, fault);
        id.flatMap(repository::find).ifPresent(row -> {
            fault.accept(SweepPoint.AFTER_RECORD_BEFORE_BROADCAST);
            sendAndMark(row, fault);
        });
        return id;
    }

    /**
     * The first half of {@link #sweepIfAbove}: plans, signs and records a sweep, sends nothing. Only with a float, a
     * hot wallet, no sweep in flight, and a spendable confirmed hot balance (confirmed coins no transaction in flight
     * spends) above the cap; the swept output is what takes the hot balance to {@code cap - sweep-min} less its fee.
     */
    Optional<Long> record(int confirmations, LongSupplier feeRateSatPerVb, Set<String> reserved, Consumer<SweepPoint> fault) {
        FloatPolicy p = policy;
        if (p == null || !p.hasFloat() || cold == null || !wallet.running() || !wallet.canSign() || repository.anyInFlight()) {
            return Optional.empty();
        }
        long take = p.sweepSats(wallet.spendableSats(confirmations), false);
        if (take == 0) {
            return Optional.empty();
        }
        int index = repository.nextColdIndex();
        String address = cold.address(index);
        long rate = feeRateSatPerVb.getAsLong();
        SignResult first = wallet.buildAndSign(List.of(new PaymentOutput(address, take)), rate, confirmations, reserved);
        if (!(first instanceof SignResult.Signed signed)) {
            LOG.warnf("sweep of %d sats to %s not signed: %s", take, address, first);
            return Optional.empty();
        }
        long net = take - signed.feeSats();
        SignResult second = signed.feeSats() > 0 && net > 0
                ? wallet.buildAndSign(List.of(new PaymentOutput(address, net)), rate, confirmations, reserved) : first;
        SignResult.Signed tx = second instanceof SignResult.Signed s && s != signed ? s : signed;
        long swept = tx == signed ? take : net;
        fault.accept(SweepPoint.AFTER_SIGN_BEFORE_RECORD);
        Optional<Long> id = sweeps.record(tx.txid(), tx.raw(), index, address, swept, tx.feeSats());
        id.ifPresent(i -> LOG.infof("sweep %d recorded: %d sats to cold address %s (index %d), fee %d sats, tx %s",
                i, swept, address, index, tx.feeSats(), tx.txid()));
        return id;
    }

    private BroadcastResult send(SweepRow row) {
        BroadcastResult result = wallet.broadcast(row.raw());
        if (result.outcome() != BroadcastResult.Outcome.NOT_TAKEN) {
            sentAt.put(row.sweep().txid(), Instant.now());
        }
        if (result.outcome() == BroadcastResult.Outcome.REJECTED || result.outcome() == BroadcastResult.Outcome.NOT_TAKEN) {
            LOG.warnf("sweep %d: broadcast of %s: %s (%s)", row.sweep().id(), row.sweep().txid(), result.outcome(), result.detail());
        }
        return result;
    }
}
