package org.proxyfund.payout;

import org.proxyfund.wallet.testing.WalletTestProfile;

import java.util.Map;

/**
 * The wallet test profile with the payout worker's clocks scaled to the simulation, whose blocks come about once a
 * second instead of every ten minutes: a transaction a node dropped is sent again after 2 s (instead of 10 min), one
 * unconfirmed for 30 s (about 40 simulated blocks; 6 h, 36 blocks, in production) is fee-bumped. Every clock the
 * service reads (the database's, the worker's) stays the real one.
 */
public class PayoutSimulationProfile extends WalletTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("proxyfund.payout.rebroadcast-every", "PT2S", "proxyfund.payout.stuck-after", "PT30S");
    }
}
