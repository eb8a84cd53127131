package org.proxyfund.wallet;

import org.bitcoinj.base.Address;
import org.bitcoinj.base.Network;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.core.BlockChain;
import org.bitcoinj.core.Context;
import org.bitcoinj.core.NetworkParameters;
import org.bitcoinj.core.PeerAddress;
import org.bitcoinj.core.PeerGroup;
import org.bitcoinj.core.listeners.DownloadProgressTracker;
import org.bitcoinj.crypto.AesKey;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.net.discovery.DnsDiscovery;
import org.bitcoinj.store.BlockStoreException;
import org.bitcoinj.store.SPVBlockStore;
import org.bitcoinj.utils.Threading;
import org.bitcoinj.wallet.DeterministicKeyChain;
import org.bitcoinj.wallet.KeyChain;
import org.bitcoinj.wallet.Wallet;
import org.bitcoinj.wallet.WalletFiles;
import org.jboss.logging.Logger;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The running bitcoinj machinery: wallet file, SPV header chain and peer group. Not a bean; the facade owns it. */
final class WalletRuntime implements AutoCloseable {

    private static final Duration AUTOSAVE_DELAY = Duration.ofMillis(500);

    private static final Logger LOG = Logger.getLogger(WalletRuntime.class);
    static final String WALLET_FILE = "proxyfund.wallet";
    static final String CHAIN_FILE = "proxyfund.spvchain";

    final Network network;
    final Wallet wallet;
    final SPVBlockStore store;
    final BlockChain chain;
    final PeerGroup peers;
    final P2pBroadcaster p2p;
    final ChainSync sync = new ChainSync(java.time.Clock.systemUTC());
    final String passphrase;
    final Context context;
    /** The cold wallet's account key; null for a hot wallet. */
    final WatchKey watch;
    private final List<WalletListener> listeners = new CopyOnWriteArrayList<>();
    private volatile AesKey aesKey;

    private WalletRuntime(Network network, Wallet wallet, SPVBlockStore store, BlockChain chain, PeerGroup peers,
                          String passphrase, Context context, WatchKey watch) {
        this.watch = watch;
        this.passphrase = passphrase;
        this.context = context;
        this.network = network;
        this.wallet = wallet;
        this.store = store;
        this.chain = chain;
        this.peers = peers;
        this.p2p = new P2pBroadcaster(peers, wallet);
    }

    /** Opens (or creates) the wallet and its chain store; connects to nothing yet. */
    static WalletRuntime open(WalletConfig config, BitcoinNetwork bitcoinNetwork) {
        Network network = bitcoinNetwork.bitcoinj();
        Context context = new Context();
        Context.propagate(context);
        NetworkParameters params = NetworkParameters.of(network);
        Path dir = Path.of(config.dataDir());
        SecretFiles.privateDir(dir);
        WatchKey watch = config.watchKey().map(k -> WatchKey.parse(k, network)).orElse(null);
        String passphrase = null;
        WalletLoader.Loaded loaded;
        if (watch != null) {
            if (config.mnemonic().isPresent() || config.passphrase().isPresent()) {
                throw new WalletStartupException("proxyfund.wallet.watch-key (cold mode) is set together with a mnemonic or"
                        + " passphrase: cold mode holds no spending key; remove the secrets from the configuration");
            }
            loaded = WalletLoader.openOrCreateWatching(network, dir.resolve(WALLET_FILE), watch, config.birthday().orElse(null));
        } else {
            WalletSecrets secrets = WalletSecrets.resolve(config, dir);
            passphrase = secrets.passphrase;
            loaded = WalletLoader.openOrCreate(network, dir.resolve(WALLET_FILE), secrets, config.birthday().orElse(null));
        }
        Path chainFile = dir.resolve(CHAIN_FILE);
        try {
            if (loaded.created()) {
                // A new wallet (first start or recovery) must see the chain from its birthday again.
                Files.deleteIfExists(chainFile);
            }
            SPVBlockStore store = ChainRewind.open(params, chainFile, loaded.wallet());
            SecretFiles.privateFile(chainFile);
            BlockChain chain = new BlockChain(network, loaded.wallet(), store);
            PeerGroup peers = new PeerGroup(network, chain);
            peers.addWallet(loaded.wallet());
            peers.setFastCatchupTime(loaded.wallet().earliestKeyCreationTime());
            addPeers(peers, config, network);
            // bitcoinj picks a download peer only once more than half of maxConnections are connected, and
            // addAddress raises maxConnections: with a fixed list, ask for no more peers than it has.
            int listed = config.peers().map(List::size).orElse(0);
            peers.setMaxConnections(listed > 0 ? Math.min(listed, config.maxPeers()) : config.maxPeers());
            return new WalletRuntime(network, loaded.wallet(), store, chain, peers, passphrase, context, watch);
        } catch (BlockStoreException | java.io.IOException e) {
            throw new WalletStartupException("Cannot open the SPV chain store " + chainFile, e);
        }
    }

    private static void addPeers(PeerGroup peers, WalletConfig config, Network network) {
        List<String> configured = config.peers().orElse(List.of());
        if (configured.isEmpty()) {
            if (network == org.bitcoinj.base.BitcoinNetwork.REGTEST) {
                throw new WalletStartupException("regtest has no DNS seeds: set proxyfund.wallet.peers (host:port,...)");
            }
            peers.addPeerDiscovery(new DnsDiscovery(NetworkParameters.of(network)));
            return;
        }
        for (String hostPort : configured) {
            int colon = hostPort.lastIndexOf(':');
            if (colon < 1) {
                throw new WalletStartupException("proxyfund.wallet.peers: '" + hostPort + "' is not host:port");
            }
            try {
                InetAddress host = InetAddress.getByName(hostPort.substring(0, colon));
                peers.addAddress(PeerAddress.simple(host, Integer.parseInt(hostPort.substring(colon + 1))));
            } catch (UnknownHostException | NumberFormatException e) {
                throw new WalletStartupException("proxyfund.wallet.peers: cannot resolve '" + hostPort + "'", e);
            }
        }
    }

    /** Saves on change, reports changes to listeners, and starts connecting and downloading in the background. */
    void start(Path walletFile) {
        wallet.autosaveToFile(walletFile.toFile(), AUTOSAVE_DELAY, new WalletFiles.Listener() {
            @Override
            public void onBeforeAutoSave(java.io.File temp) {
                // bitcoinj makes the temporary file with the default umask (0644) and renames it over the wallet file.
                tightenQuietly(temp.toPath());
            }

            @Override
            public void onAfterAutoSave(java.io.File saved) {
                tightenQuietly(saved.toPath());
            }
        });
        wallet.addCoinsReceivedEventListener(Threading.SAME_THREAD, (w, tx, prev, next) -> fire());
        wallet.addChangeEventListener(Threading.SAME_THREAD, w -> fire());
        wallet.addReorganizeEventListener(Threading.SAME_THREAD, w -> fire());
        chain.addNewBestBlockListener(Threading.SAME_THREAD, block -> fire());
        sync.attach(peers);
        // The download listener first: a peer that connects before it is set becomes the download peer without
        // ever being asked for the chain (PeerGroup starts a download only for peers that arrive after it), and the
        // wallet would stay at its old height until that peer goes away.
        peers.startBlockChainDownload(new DownloadProgressTracker());
        peers.start();
        LOG.infof("Wallet started on %s; %d receive addresses issued", network, wallet.getActiveKeyChain().getIssuedExternalKeys());
    }

    private static void tightenQuietly(Path file) {
        try {
            SecretFiles.privateFile(file);
        } catch (RuntimeException e) {
            LOG.error("Could not make the wallet file readable by this user only", e);
        }
    }

    void addListener(WalletListener listener) {
        listeners.add(listener);
    }

    private void fire() {
        for (WalletListener l : listeners) {
            try {
                l.walletChanged();
            } catch (RuntimeException e) {
                LOG.warn("A wallet listener failed", e);
            }
        }
    }

    /** The BIP-84 receive address at {@code index}; issues keys up to it so the wallet watches it (gap limit). */
    String receiveAddress(int index) {
        DeterministicKeyChain keys = wallet.getActiveKeyChain();
        int issued = keys.getIssuedExternalKeys();
        if (issued <= index) {
            wallet.freshKeys(KeyChain.KeyPurpose.RECEIVE_FUNDS, index + 1 - issued);
        }
        List<ChildNumber> path = keys.getAccountPath().extend(ChildNumber.ZERO, new ChildNumber(index));
        DeterministicKey key = keys.getKeyByPath(path, false);
        Address address = key.toAddress(ScriptType.P2WPKH, network);
        return address.toString();
    }

    /**
     * The key that decrypts the wallet's private keys for signing. Derived from the passphrase once (scrypt, about a
     * tenth of a second): every payout and fee bump used to derive it again, also each time a waiting batch was tried.
     * It unlocks no more than the passphrase this runtime holds for its whole life anyway.
     */
    AesKey aesKey() {
        if (passphrase == null) {
            throw new IllegalStateException("cold mode: the service holds no signing key; payouts are signed as PSBTs");
        }
        AesKey key = aesKey;
        if (key == null) {
            key = wallet.getKeyCrypter().deriveKey(passphrase);
            aesKey = key;
        }
        return key;
    }

    /** The master key's fingerprint and the account path, written into PSBTs so signers recognise their keys. */
    PsbtMaker.Origin origin() {
        if (watch != null) {
            return watch.origin();
        }
        DeterministicKeyChain keys = wallet.getActiveKeyChain();
        int fingerprint = keys.getRootKey().getFingerprint();
        byte[] fp = {(byte) (fingerprint >>> 24), (byte) (fingerprint >>> 16), (byte) (fingerprint >>> 8), (byte) fingerprint};
        return new PsbtMaker.Origin(fp, keys.getAccountPath());
    }

    int chainHeight() {
        return chain.getBestChainHeight();
    }

    /** Where the chain stands against the download peer's (see {@link ChainSync}). */
    WalletState state() {
        int height = chainHeight();
        ChainSync.Judgement j = sync.judge(peers.getDownloadPeer(), store, height);
        return new WalletState(true, peers.numConnectedPeers(), height, j.peerHeight(), j.status());
    }

    @Override
    public void close() {
        try {
            peers.stop();
        } catch (RuntimeException e) {
            LOG.warn("Stopping the peer group failed", e);
        }
        // bitcoinj 0.17.1's shutdownAutosaveAndWait holds the wallet lock while it waits for the autosave thread,
        // and a background save still scheduled then needs that lock: a deadlock (seen in the payout fault tests).
        // With the peers stopped nothing schedules new saves, so let a pending one (500 ms delay) finish first.
        try {
            Thread.sleep(AUTOSAVE_DELAY.toMillis() + 200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            wallet.shutdownAutosaveAndWait();
        } catch (RuntimeException e) {
            LOG.warn("Saving the wallet failed", e);
        }
        try {
            store.close();
        } catch (BlockStoreException e) {
            LOG.warn("Closing the chain store failed", e);
        }
    }
}
