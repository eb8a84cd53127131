package org.proxyfund.payout;

import org.bitcoinj.wallet.DeterministicSeed;
import org.proxyfund.wallet.testing.Electrum;
import org.proxyfund.wallet.testing.WalletTestProfile;

import java.security.SecureRandom;
import java.util.Map;

/**
 * The wallet test profile with the payout worker's clocks scaled to the simulation, whose blocks come about once a
 * second instead of every ten minutes: a transaction a node dropped is sent again after 2 s (instead of 10 min), one
 * unconfirmed for 30 s (about 40 simulated blocks; 6 h, 36 blocks, in production) is fee-bumped; a pending sweep is
 * sent again after 2 s too. Every clock the service reads (the database's, the worker's) stays the real one.
 *
 * <p>And a hot float: the hot wallet holds at most {@link #CAP} once its sweeps are confirmed, sweeping down to
 * {@code CAP - SWEEP_MIN}, to the receive addresses of a cold wallet restored in Electrum from a fresh mnemonic (the
 * service gets only its account's vpub). Sized to the simulation: its donations (50,000 to 3,000,000 sats, about one
 * in forty moves) lift the float above the cap every few dozen moves, while the settlements' budget (10 % of the hot
 * balance per epoch) keeps nearly every batch well below the cap.
 */
public class PayoutSimulationProfile extends WalletTestProfile {

    public static final long CAP = 8_000_000L;
    public static final long SWEEP_MIN = 2_000_000L;

    /** One cold wallet per JVM (the profile may be asked for its configuration more than once). */
    private static final class Cold {
        static final String VPUB = Electrum.restore(DeterministicSeed.ofRandom(new SecureRandom(), 128, "").getMnemonicString())
                .accountXpub;
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("proxyfund.payout.rebroadcast-every", "PT2S", "proxyfund.payout.stuck-after", "PT30S",
                "proxyfund.treasury.hot-cap-sats", Long.toString(CAP),
                "proxyfund.treasury.sweep-min-sats", Long.toString(SWEEP_MIN),
                "proxyfund.treasury.cold-watch-key", Cold.VPUB,
                "proxyfund.treasury.sweep-rebroadcast-every", "PT2S");
    }
}
