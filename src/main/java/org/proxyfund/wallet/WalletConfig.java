package org.proxyfund.wallet;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The donor wallet's settings (proxyfund.wallet.*): data folder, secrets, peers, broadcasting. */
@ConfigMapping(prefix = "proxyfund.wallet")
public interface WalletConfig {

    /** Start the wallet at all; off in the test profile so tests that do not need a node start none. */
    @WithDefault("true")
    boolean enabled();

    /** Folder for the encrypted wallet file and the SPV header chain (relative to the working directory). */
    @WithDefault(".proxyfund/wallet")
    String dataDir();

    /** BIP-39 mnemonic (12 to 24 words), given as a secret. Never logged. */
    Optional<String> mnemonic();

    /**
     * Cold mode: the BIP-84 account's extended public key with its origin, {@code [fingerprint/84'/coin'/0']xpub…} (xpub,
     * zpub, tpub or vpub). The wallet is then watch-only: donations go to this account's addresses and payouts are
     * signed as PSBTs by the admins' own wallets; no mnemonic or passphrase may be set. Unset: the hot wallet.
     */
    Optional<String> watchKey();

    /** Passphrase that encrypts the keys in the wallet file, given as a secret. Never logged. */
    Optional<String> passphrase();

    /** When mnemonic and passphrase are absent: generate them once and store them in the data folder (dev only). */
    @WithDefault("true")
    boolean generateMissingSecrets();

    /** Creation time of the mnemonic: blocks before it are not scanned (fast catch-up). Unset: scan from genesis. */
    Optional<Instant> birthday();

    /** Peers as host:port; empty means DNS seeds (public networks only). */
    Optional<List<String>> peers();

    /** Most peers to connect to at once. */
    @WithDefault("4")
    int maxPeers();

    /** How signed transactions reach the network: p2p (announce with inv, serve on getdata) or rpc (a node's sendrawtransaction). */
    @WithDefault("p2p")
    Broadcaster broadcaster();

    /**
     * JSON-RPC URL of the operator's own node: broadcaster=rpc sends through it, and the payout fee estimate asks it
     * (estimatesmartfee and its mempool) whenever it is set.
     */
    Optional<String> rpcUrl();

    /** JSON-RPC user of rpc-url. */
    Optional<String> rpcUser();

    /** JSON-RPC password of rpc-url. */
    Optional<String> rpcPassword();

    /** How long one JSON-RPC call to rpc-url may take (fee estimates; a node that does not answer in time gives none). */
    @WithDefault("10s")
    Duration rpcTimeout();

    /** How long a broadcast waits for a peer to fetch the announced transaction. */
    @WithDefault("20s")
    Duration broadcastTimeout();

    /** Fee rate for transactions the wallet signs, in satoshis per 1000 virtual bytes. */
    @WithDefault("2000")
    long feeRateSatsPerKvb();

    /** How transactions leave the wallet. */
    enum Broadcaster { P2P, RPC }
}
