package org.proxyfund.wallet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: the wallet is connected to peers and has caught up with their chain (or is switched off). */
@Readiness
@ApplicationScoped
public class WalletHealthCheck implements HealthCheck {

    @Inject
    WalletService wallet;
    @Inject
    WalletConfig config;

    @Override
    public HealthCheckResponse call() {
        if (!config.enabled()) {
            return HealthCheckResponse.named("Bitcoin wallet").up().withData("enabled", false).build();
        }
        if (wallet.noHotWallet()) {
            return HealthCheckResponse.named("Bitcoin wallet").up().withData("enabled", true)
                    .withData("hotWallet", "none: no mnemonic configured").build();
        }
        WalletState s = wallet.state();
        return HealthCheckResponse.named("Bitcoin wallet").status(s.running() && s.synced())
                .withData("running", s.running()).withData("mode", wallet.canSign() ? "hot" : "cold (watch-only)")
                .withData("peers", s.peers())
                .withData("chainHeight", s.chainHeight()).withData("peersChainHeight", s.bestPeerHeight())
                .withData("synced", s.synced()).withData("sync", s.sync().name()).build();
    }
}
