package org.proxyfund.treasury;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** The hot float: how much the hot wallet may hold, and how sweeps to cold storage are sized (proxyfund.treasury.*). */
@ConfigMapping(prefix = "proxyfund.treasury")
public interface TreasuryConfig {

    /**
     * The most the hot wallet may hold once its sweeps are confirmed, in satoshis; 0 means no hot float (every
     * approved batch is signed by the admins as a PSBT). With a float, proposals are split into batches the float can
     * pay (outputs plus the largest fee allowed within the cap, {@link FloatPolicy#batchLimit}), paid automatically once
     * the float holds enough; the cold wallet refills the float. A hot balance above the cap is swept to cold storage.
     */
    @WithDefault("0")
    long hotCapSats();

    /**
     * The smallest sweep worth a transaction, in satoshis: a sweep takes the hot balance down to the cap minus this
     * amount, so every sweep moves at least this much and the float is not swept again at the next small donation.
     * Must be below {@link #hotCapSats()} when a float is configured.
     */
    @WithDefault("100000")
    long sweepMinSats();

    /**
     * The cold wallet's BIP-84 account key, public only: xpub/zpub (mainnet) or tpub/vpub (test networks), alone or as
     * {@code [fingerprint/84'/coin'/0']xpub…}. Sweeps pay its receive addresses {@code 0/i}, each index once. Required
     * when a hot wallet runs with {@link #hotCapSats()} above 0; checked at start.
     */
    Optional<String> coldWatchKey();

    /** How often a sweep still unconfirmed is sent to the network again from its stored bytes. */
    @WithDefault("10m")
    java.time.Duration sweepRebroadcastEvery();
}
