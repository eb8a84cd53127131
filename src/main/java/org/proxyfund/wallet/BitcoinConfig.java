package org.proxyfund.wallet;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which Bitcoin network the service runs on (proxyfund.bitcoin.*). */
@ConfigMapping(prefix = "proxyfund.bitcoin")
public interface BitcoinConfig {

    /** mainnet, testnet, signet or regtest. Production deployments set this explicitly. */
    @WithDefault("regtest")
    BitcoinNetwork network();
}
