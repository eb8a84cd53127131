package org.proxyfund.donation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.proxyfund.wallet.BitcoinNetwork;

import java.time.Duration;
import java.util.Optional;

/** Donation settings (proxyfund.donation.*). */
@ConfigMapping(prefix = "proxyfund.donation")
public interface DonationConfig {

    /** Confirmations before a donation counts as CONFIRMED; unset: 1 on regtest, 2 elsewhere. */
    Optional<Integer> confirmations();

    /** How long an address that never received anything shows as waiting; it stays watched after. */
    @WithDefault("P7D")
    Duration expiry();

    /** How often open donations are reconciled with the wallet besides the wallet's own events (read by DonationReconciler's schedule). */
    @WithDefault("5s")
    Duration reconcileEvery();

    /** The BIP21 label shown in donors' wallets. */
    @WithDefault("proxyfund")
    String label();

    /** The confirmations in force on {@code network}. */
    default int confirmationsOn(BitcoinNetwork network) {
        return confirmations().orElse(network == BitcoinNetwork.REGTEST ? 1 : 2);
    }
}
