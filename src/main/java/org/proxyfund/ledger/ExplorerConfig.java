package org.proxyfund.ledger;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The public block explorer that transaction ids link to (proxyfund.explorer.*). */
@ConfigMapping(prefix = "proxyfund.explorer")
public interface ExplorerConfig {

    /** Link for a transaction; {txid} is replaced. */
    @WithDefault("https://mempool.space/tx/{txid}")
    String txUrl();
}
