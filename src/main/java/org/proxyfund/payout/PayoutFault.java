package org.proxyfund.payout;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.proxyfund.treasury.SweepPoint;
import org.proxyfund.wallet.BitcoinConfig;
import org.proxyfund.wallet.BitcoinNetwork;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fault injection for the never-paid-twice tests: at a chosen step of sending, throw or kill the whole process
 * (exit code 137, no shutdown hooks, as SIGKILL would). Armed by configuration ({@code proxyfund.payout.fault.at},
 * {@code proxyfund.payout.fault.mode}) or by a test; refused on every network but regtest, so production cannot
 * enable it (the service does not start with it configured on another network).
 */
@ApplicationScoped
public class PayoutFault {

    private static final Logger LOG = Logger.getLogger(PayoutFault.class);

    /** Where a fault can strike, in the order sending reaches them. */
    public enum Step {
        /** The transaction is signed but its row is not yet committed (nothing stored, nothing sent). */
        AFTER_SIGN_BEFORE_COMMIT,
        /** SIGNED is committed with the raw transaction, nothing broadcast yet. */
        AFTER_COMMIT_BEFORE_BROADCAST,
        /** The network has the transaction, the state still says SIGNED. */
        AFTER_BROADCAST_BEFORE_STATE,
        /** While confirmations are being tracked (BROADCAST, before CONFIRMED is stored). */
        DURING_TRACKING,
        /** A fee-bump replacement is signed but not yet stored. */
        AFTER_BUMP_SIGN_BEFORE_COMMIT,
        /** A fee-bump replacement is stored but not yet broadcast. */
        AFTER_BUMP_COMMIT_BEFORE_BROADCAST,
        /** A reorg took a CONFIRMED batch's transaction away: BROADCAST again is stored, the same bytes not yet sent. */
        AFTER_LEFT_CHAIN_BEFORE_REBROADCAST,
        /** Admins sign (PSBT): the batch's PSBT is built, AWAITING_SIGNATURES not yet committed (nothing offered). */
        AFTER_PSBT_BUILT_BEFORE_COMMIT,
        /** Admins sign (PSBT): an upload is checked and finalized, its SIGNED row not yet committed (nothing stored). */
        AFTER_UPLOAD_FINALIZED_BEFORE_COMMIT,
        /** Hot float: a sweep is signed, its row not yet stored. */
        SWEEP_AFTER_SIGN_BEFORE_RECORD,
        /** Hot float: the sweep is stored SIGNED, nothing broadcast. */
        SWEEP_AFTER_RECORD_BEFORE_BROADCAST,
        /** Hot float: the network has the sweep, its row still says SIGNED. */
        SWEEP_AFTER_BROADCAST_BEFORE_STATE,
        /** Hot float: the sweep is confirmed on chain, CONFIRMED and its booking not yet stored. */
        SWEEP_DURING_TRACKING,
        /** Hot float: a reorg took a confirmed sweep's block, BROADCAST is stored, the bytes not yet sent again. */
        SWEEP_AFTER_LEFT_CHAIN_BEFORE_REBROADCAST;

        /** Whether the step lies on the path where the admins sign (PSBT), which a hot-signing service never reaches. */
        public boolean psbt() {
            return this == AFTER_PSBT_BUILT_BEFORE_COMMIT || this == AFTER_UPLOAD_FINALIZED_BEFORE_COMMIT;
        }

        /** Whether the step lies in the hot float's sweeping, which only a service with a float reaches. */
        public boolean sweep() {
            return name().startsWith("SWEEP_");
        }

        /** The steps of sending a payout batch (hot or PSBT), in order: every step but the sweeps'. */
        public static List<Step> sending() {
            return Arrays.stream(values()).filter(s -> !s.sweep()).toList();
        }

        /** The step of a sweep point. */
        public static Step of(SweepPoint point) {
            return valueOf("SWEEP_" + point.name());
        }
    }

    /** What the fault does. */
    public enum Mode {
        /** Throw {@link InjectedFault} (the in-process tests then restart the wallet and reconcile). */
        THROW,
        /** {@code Runtime.halt(137)}: the process dies on the spot, like SIGKILL. */
        HALT
    }

    /** The exception a THROW fault raises. */
    public static final class InjectedFault extends RuntimeException {
        InjectedFault(Step step) {
            super("injected fault at " + step);
        }
    }

    private record Armed(Step step, Mode mode) {
    }

    @Inject
    BitcoinConfig bitcoin;
    @Inject
    PayoutConfig config;

    Optional<Step> configuredStep = Optional.empty();
    Mode configuredMode = Mode.THROW;

    private final AtomicReference<Armed> armed = new AtomicReference<>();

    @PostConstruct
    void readConfig() {
        configuredStep = config.fault().at();
        configuredMode = config.fault().mode();
    }

    void onStart(@Observes StartupEvent event) {
        configuredStep.ifPresent(step -> arm(step, configuredMode));
    }

    /** Arms one fault (one shot); refused unless the network is regtest. */
    public void arm(Step step, Mode mode) {
        if (bitcoin.network() != BitcoinNetwork.REGTEST) {
            throw new IllegalStateException("payout fault injection is for regtest only; refusing it on " + bitcoin.network());
        }
        LOG.warnf("payout fault armed: %s at %s", mode, step);
        armed.set(new Armed(step, mode));
    }

    /** The step a fault is armed at and has not struck yet, if any. */
    public Optional<Step> armedStep() {
        return Optional.ofNullable(armed.get()).map(Armed::step);
    }

    /** Disarms any fault not yet struck. */
    public void disarm() {
        armed.set(null);
    }

    /** The hook the sweeps call at each of their points. */
    public void atSweep(SweepPoint point) {
        at(Step.of(point));
    }

    /** Called by sending at each step: strikes once if armed for this step. */
    public void at(Step step) {
        Armed a = armed.get();
        if (a == null || a.step() != step || !armed.compareAndSet(a, null)) {
            return;
        }
        LOG.warnf("payout fault strikes: %s at %s", a.mode(), step);
        if (a.mode() == Mode.HALT) {
            Runtime.getRuntime().halt(137);
        }
        throw new InjectedFault(step);
    }
}
