package org.proxyfund.payout;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Payout batches: approval, sending, fees, confirmations and triggers (proxyfund.payout.*). */
@ConfigMapping(prefix = "proxyfund.payout")
public interface PayoutConfig {

    /**
     * Who signs an approved batch: {@code wallet}, the service's hot wallet, at once; or {@code psbt}, the admins' own
     * wallets: the batch becomes a PSBT on its admin page, waits for a signed upload, which is checked against it and
     * then sent like a hot-wallet signature (docs/wallet.md, "Treasury").
     */
    @WithDefault("wallet")
    Signing signing();

    /** Who signs approved batches. */
    enum Signing { WALLET, PSBT }

    /** A batch whose total is strictly above this needs two different admins to approve it. */
    @WithDefault("10000000")
    long twoAdminThresholdSats();

    /** Most operator outputs in one transaction; a larger proposal becomes several batches (parts). */
    @WithDefault("2500")
    int maxOutputs();

    /**
     * Fee rate of a batch's transaction, in satoshis per virtual byte, when no node estimate is to be had: no
     * proxyfund.wallet.rpc-url, or the node does not answer. With a node it is asked instead (see {@link #fee()}).
     */
    @WithDefault("10")
    long feeRateSatPerVb();

    /**
     * The ceiling: highest fee rate a batch's transaction or a fee bump may have, in satoshis per virtual byte,
     * whatever the node estimates.
     */
    @WithDefault("200")
    long maxFeeRateSatPerVb();

    /** Most the fee of a batch may be, in basis points of its total (500 = 5 %); a costlier batch waits. */
    @WithDefault("500")
    int maxFeeShareBp();

    /** Confirmations after which a batch is CONFIRMED and booked in the ledger. */
    @WithDefault("6")
    int confirmations();

    /** A broadcast transaction still unconfirmed after this long is fee-bumped by replacement. */
    @WithDefault("PT6H")
    Duration stuckAfter();

    /** An unconfirmed transaction of a batch is broadcast again (same bytes) this long after its last broadcast. */
    @WithDefault("PT10M")
    Duration rebroadcastEvery();

    /** How long a CONFIRMED batch is still watched for a reorg that takes its transaction out of the chain. */
    @WithDefault("P7D")
    Duration watchConfirmedFor();

    /** How much a fee bump raises the fee rate, in percent of the previous rate (at least 1 sat/vB more). */
    @WithDefault("50")
    int bumpPercent();

    /** Cron expression (Quarkus scheduler, UTC) of the trigger that settles finished epochs and proposes a batch. */
    @WithDefault("0 15 0 * * ?")
    String cron();

    /** Whether this replica runs the scheduled trigger and the sending loop at all. */
    @WithDefault("true")
    boolean schedulerEnabled();

    /** How often approved batches are sent and in-flight ones tracked and reconciled. */
    @WithDefault("30s")
    String workEvery();

    /** Bearer token of the HTTP trigger a Kubernetes CronJob calls; without one the HTTP trigger is off. */
    Optional<String> triggerToken();

    /** The fee estimate from the node and the bumps that follow it ({@code proxyfund.payout.fee.*}). */
    Fee fee();

    /** How the fee rate follows the node's estimate. */
    interface Fee {
        /** Blocks within which a batch should confirm: the target of estimatesmartfee and of the mempool reading. */
        @WithDefault("6")
        int targetBlocks();

        /** The floor: lowest fee rate a batch's transaction gets, in satoshis per virtual byte, however quiet the chain. */
        @WithDefault("2")
        long floorSatPerVb();

        /**
         * Virtual bytes one block holds, for reading the mempool: the rate that outbids all but target-blocks blocks'
         * worth of the mempool's best-paying transactions reaches the target.
         */
        @WithDefault("1000000")
        long blockVsize();

        /** Most fee bumps one batch gets (by the estimate or when stuck); then it waits with its reason shown. */
        @WithDefault("10")
        int maxBumps();
    }

    /** Fault injection for the never-paid-twice tests; the service refuses it on every network but regtest. */
    Fault fault();

    /** Where and how an injected fault strikes ({@code proxyfund.payout.fault.*}). */
    interface Fault {
        /** The step at which to strike once; none by default. */
        Optional<PayoutFault.Step> at();

        /** THROW an exception or HALT the process (exit code 137, like SIGKILL). */
        @WithDefault("THROW")
        PayoutFault.Mode mode();
    }
}
