package org.proxyfund.wallet;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/**
 * The public block explorer that transaction ids and addresses link to (proxyfund.explorer.*). Unset, each network
 * has its own default (mempool.space for mainnet, its testnet and signet; none for regtest).
 */
@ConfigMapping(prefix = "proxyfund.explorer")
public interface ExplorerConfig {

    /** Link for a transaction, {txid} replaced; unset: the network's default; "none": no link. */
    Optional<String> txUrl();

    /** Link for an address, {address} replaced; unset: the network's default; "none": no link. */
    Optional<String> addressUrl();
}
