package org.proxyfund.wallet.node;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The local regtest Bitcoin node that {@code ./run} (the dev profile) starts beside the embedded PostgreSQL
 * ({@code proxyfund.local-node.*}). Read before the application starts, by {@link LocalNodeConfigSourceFactory};
 * this mapping documents and validates the same keys.
 */
@ConfigMapping(prefix = "proxyfund.local-node")
public interface LocalNodeConfig {

    /**
     * Start a bcoin regtest node with the service and point the wallet at it. On in the dev profile only; never
     * started on another network than regtest, nor when {@code proxyfund.wallet.peers} names a node already.
     */
    @WithDefault("false")
    boolean enabled();

    /** The node's data folder (chain and its own wallet), relative to the working directory. */
    @WithDefault(".proxyfund/bcoin")
    String dataDir();

    /** The bcoin launcher (installed by {@code npm install} in tools/bcoin), relative to the working directory. */
    @WithDefault("tools/bcoin/node_modules/.bin/bcoin")
    String bcoin();
}
