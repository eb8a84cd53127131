package org.proxyfund.wallet;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.core.Transaction;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/** The one door to the donor wallet: addresses, balances, payments seen, signing and broadcasting, in satoshis. */
@ApplicationScoped
public class WalletService {

    @Inject
    WalletConfig config;
    @Inject
    BitcoinConfig bitcoin;
    @Inject
    WalletAddressRepository addresses;

    private volatile WalletRuntime runtime;
    private volatile boolean noKeys;
    private volatile RpcBroadcaster rpc;
    private final List<WalletListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger starts = new java.util.concurrent.atomic.AtomicInteger();

    void onStart(@Observes @Priority(100) StartupEvent event) {
        if (config.enabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Opens the wallet, watches every address any replica has handed out, and starts syncing. */
    synchronized void start() {
        if (runtime != null) {
            return;
        }
        if (config.watchKey().isEmpty() && !WalletSecrets.configured(config, Path.of(config.dataDir()))) {
            noKeys = true;
            org.jboss.logging.Logger.getLogger(WalletService.class).warn("No hot wallet: proxyfund.wallet.mnemonic and "
                    + "passphrase are not set (and generate-missing-secrets is off). The service runs without a spending "
                    + "key; donations and payouts need a wallet.");
            return;
        }
        WalletRuntime r = WalletRuntime.open(config, bitcoin.network());
        int highest = addresses.highestIndex();
        if (highest >= 0) {
            r.receiveAddress(highest);
        }
        if (config.broadcaster() == WalletConfig.Broadcaster.RPC) {
            String url = config.rpcUrl().orElseThrow(() -> new WalletStartupException(
                    "proxyfund.wallet.broadcaster=rpc needs proxyfund.wallet.rpc-url"));
            rpc = new RpcBroadcaster(url, config.rpcUser().orElse(""), config.rpcPassword().orElse(""), config.broadcastTimeout());
        }
        listeners.forEach(r::addListener);
        r.start(Path.of(config.dataDir()).resolve(WalletRuntime.WALLET_FILE));
        runtime = r;
        starts.incrementAndGet();
    }

    /** How often the wallet was started in this process (tests prove a recovery needed no restart). */
    int starts() {
        return starts.get();
    }

    /** The hash of the wallet's best block (the ledger check reads the books between two equal ones). */
    public String bestBlockHash() {
        return rt().chain.getChainHead().getHeader().getHashAsString();
    }

    /** bitcoinj's own estimate of the peers' height, which reorgs push too high (tests show the drift). */
    int bitcoinjPeerHeightEstimate() {
        WalletRuntime r = runtime;
        return r == null ? 0 : r.peers.getMostCommonChainHeight();
    }

    /** Stops peers and saves the wallet file. */
    synchronized void stop() {
        if (runtime != null) {
            runtime.close();
            runtime = null;
        }
    }

    /** bitcoinj's wallet, for this package's own checks (e.g. script verification in tests). */
    org.bitcoinj.wallet.Wallet bitcoinjWallet() {
        return rt().wallet;
    }

    /** True when the wallet is enabled but no mnemonic is configured: the service runs with no hot wallet by design. */
    public boolean noHotWallet() {
        return noKeys;
    }

    /**
     * Whether the service can sign: a hot wallet runs. False in cold mode (watch-only, proxyfund.wallet.watch-key):
     * payouts are then PSBTs the admins sign, and fee bumps are not possible here.
     */
    public boolean canSign() {
        WalletRuntime r = runtime;
        return r != null && r.watch == null;
    }

    public boolean running() {
        return runtime != null;
    }

    private WalletRuntime rt() {
        WalletRuntime r = runtime;
        if (r == null) {
            throw new IllegalStateException("the wallet is not running (proxyfund.wallet.enabled=false or stopped)");
        }
        // bitcoinj wants its context on every calling thread (request, scheduler, listener threads).
        org.bitcoinj.core.Context.propagate(r.context);
        return r;
    }

    /** A receive address never handed out before, allocated through PostgreSQL in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String freshReceiveAddress() {
        WalletRuntime r = rt();
        return addresses.allocate(r::receiveAddress);
    }

    /** Registers a listener for payments, confirmations, blocks and reorgs (kept across wallet restarts). */
    public void addListener(WalletListener listener) {
        listeners.add(listener);
        WalletRuntime r = runtime;
        if (r != null) {
            r.addListener(listener);
        }
    }

    /** The receive address at a BIP-84 index (derivation only; allocation goes through freshReceiveAddress). */
    String addressAt(int index) {
        return rt().receiveAddress(index);
    }

    public WalletBalance balance(int minConfirmations) {
        return WalletViews.balance(rt().wallet, minConfirmations);
    }

    /**
     * The confirmed balance less what transactions in flight spend: the sum of the coins confirmed at least
     * {@code minConfirmations} deep that no live transaction spends (what a hot float may still move).
     */
    public long spendableSats(int minConfirmations) {
        return WalletViews.spendable(rt().wallet, minConfirmations);
    }

    /** Whether {@code address} is one of this wallet's own (e.g. a cold key that is really the hot wallet's). */
    public boolean ownsAddress(String address) {
        WalletRuntime r = rt();
        try {
            return r.wallet.isAddressMine(org.bitcoinj.base.AddressParser.getDefault(r.network).parseAddress(address));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Every output paying one of the wallet's addresses, including unconfirmed and gone ones. */
    public List<ReceivedOutput> receivedOutputs() {
        return WalletViews.received(rt().wallet);
    }

    /** The block holding {@code txid} in the chain the wallet follows; empty while unconfirmed, unknown or gone. */
    public java.util.Optional<ChainPosition> chainPosition(String txid) {
        WalletRuntime r = rt();
        return ChainPositions.of(r.wallet, r.store, txid);
    }

    /** -1 unknown or gone, 0 unconfirmed, else the number of confirmations. */
    public int confirmations(String txid) {
        return WalletViews.confirmations(rt().wallet, txid);
    }

    /** Whether the wallet follows its download peer's chain, judged from facts (see ChainSync), and the heights. */
    public WalletState state() {
        WalletRuntime r = runtime;
        if (r == null) {
            return new WalletState(false, 0, 0, 0, WalletState.Sync.NOT_RUNNING);
        }
        return r.state();
    }

    /** Builds and signs like {@link #buildAndSign(List, long)} at the configured proxyfund.wallet.fee-rate-sats-per-kvb. */
    public SignResult buildAndSign(List<PaymentOutput> outputs) {
        WalletRuntime r = rt();
        return WalletSigner.sign(r.wallet, r.network, outputs, r.aesKey(), config.feeRateSatsPerKvb(), 1);
    }

    /** {@link #buildAndSign(List, long, int)} spending coins confirmed at least once. */
    public SignResult buildAndSign(List<PaymentOutput> outputs, long feeRateSatPerVb) {
        return buildAndSign(outputs, feeRateSatPerVb, 1);
    }

    /**
     * Builds and signs one transaction paying {@code outputs} (line i = vout i, change back to the wallet after
     * them) at {@code feeRateSatPerVb}, BIP125 replaceable on every input, spending only coins whose transaction is
     * in the best chain at least {@code minConfirmations} deep (never unconfirmed change, never a coin a reorg
     * shallower than that can take away). Neither broadcast nor committed to the wallet: store the result first, then
     * {@link #broadcast}; until then the wallet may pick the same coins again.
     */
    public SignResult buildAndSign(List<PaymentOutput> outputs, long feeRateSatPerVb, int minConfirmations) {
        return buildAndSign(outputs, feeRateSatPerVb, minConfirmations, java.util.Set.of());
    }

    /**
     * As {@link #buildAndSign(List, long, int)}, never spending a {@code reserved} coin (outpoints "txid:vout", e.g.
     * {@link #psbtCoins} of the PSBTs on offer): CoinsReserved when only the reserved coins would make it fundable.
     */
    public SignResult buildAndSign(List<PaymentOutput> outputs, long feeRateSatPerVb, int minConfirmations,
                                   java.util.Set<String> reserved) {
        WalletRuntime r = rt();
        return WalletSigner.sign(r.wallet, r.network, outputs, r.aesKey(), kvb(feeRateSatPerVb), minConfirmations, reserved);
    }

    /** The coins (outpoints "txid:vout") a PSBT's transaction spends. Needs no running wallet. */
    public static java.util.Set<String> psbtCoins(byte[] psbt) {
        org.bitcoinj.core.Transaction tx = org.bitcoinj.core.Transaction.read(
                java.nio.ByteBuffer.wrap(org.proxyfund.wallet.psbt.PsbtReader.read(psbt).unsignedTx()));
        java.util.Set<String> coins = new java.util.HashSet<>();
        tx.getInputs().forEach(i -> coins.add(i.getOutpoint().toString()));
        return coins;
    }

    /**
     * A replacement of a signed wallet transaction paying {@code newFeeRateSatPerVb}: the same inputs, the same
     * payment outputs in the same order, the higher fee from the change (or from an added wallet coin). Signed
     * only, like {@link #buildAndSign(List, long)}; store it next to the original, then broadcast it.
     */
    public BumpResult bumpFee(byte[] originalRaw, long newFeeRateSatPerVb) {
        return bumpFee(originalRaw, newFeeRateSatPerVb, 1);
    }

    /** As {@link #bumpFee(byte[], long)}; a coin added for the fee is confirmed at least {@code minConfirmations} deep. */
    public BumpResult bumpFee(byte[] originalRaw, long newFeeRateSatPerVb, int minConfirmations) {
        kvb(newFeeRateSatPerVb);
        WalletRuntime r = rt();
        if (r.watch != null) {
            return new BumpResult.CannotBump("the service holds no signing key (cold mode)");
        }
        return FeeBumper.bump(r.wallet, originalRaw, newFeeRateSatPerVb, r.aesKey(), minConfirmations);
    }

    /**
     * Builds (does not sign) one transaction paying {@code outputs}, chosen and shaped exactly as
     * {@link #buildAndSign(List, long, int)} would, and returns it as a BIP-174 PSBT for the admins' own wallets to sign.
     * Nothing is committed: until a signed version is stored and broadcast the wallet may choose the same coins again.
     */
    public PsbtResult buildPsbt(List<PaymentOutput> outputs, long feeRateSatPerVb, int minConfirmations) {
        WalletRuntime r = rt();
        WalletSigner.Built built = WalletSigner.build(r.wallet, r.network, outputs, kvb(feeRateSatPerVb), minConfirmations);
        if (built.failure() != null) {
            return new PsbtResult.NotBuilt(built.failure());
        }
        WalletSigner.makeReplaceable(built.tx());
        return PsbtMaker.make(r.wallet, built.tx(), built.changeVout(), r.origin());
    }

    /**
     * A new revision of an unsigned batch transaction: like {@link #buildPsbt}, but spending every coin of the earlier
     * revision's PSBT (so at most one of them can ever confirm), plus more coins only if needed. NotBuilt with
     * InsufficientFunds when an earlier coin is no longer spendable.
     */
    public PsbtResult rebuildPsbt(byte[] earlierPsbt, List<PaymentOutput> outputs, long feeRateSatPerVb, int minConfirmations) {
        WalletRuntime r = rt();
        java.util.Set<String> keep = psbtCoins(earlierPsbt);
        WalletSigner.Built built = WalletSigner.build(r.wallet, r.network, outputs, kvb(feeRateSatPerVb),
                new KeepInputsCoinSelector(keep, minConfirmations));
        if (built.failure() != null) {
            return new PsbtResult.NotBuilt(built.failure());
        }
        java.util.Set<String> spent = new java.util.HashSet<>();
        built.tx().getInputs().forEach(i -> spent.add(i.getOutpoint().toString()));
        if (!spent.containsAll(keep)) {
            return new PsbtResult.NotBuilt(new SignResult.InsufficientFunds(0));
        }
        WalletSigner.makeReplaceable(built.tx());
        return PsbtMaker.make(r.wallet, built.tx(), built.changeVout(), r.origin());
    }

    /**
     * Checks a signed upload against the batch's proposed PSBTs ({@code proposals} oldest first, the last current, with
     * their {@code revisions}) and finalizes it; nothing is stored or sent here. Needs no running wallet: the proposals
     * carry the coins they spend.
     */
    public PsbtCheck checkSigned(List<byte[]> proposals, List<Integer> revisions, byte[] upload) {
        return PsbtVerifier.check(bitcoin.network().bitcoinj(), proposals, revisions, upload);
    }

    /** Where a transaction stands for this wallet: unknown, pending, confirmed (depth) or conflicted (and by what). */
    public TxStatus txStatus(String txid) {
        return TxStatusReader.status(rt().wallet, txid);
    }

    private static long kvb(long satPerVb) {
        if (satPerVb < 1 || satPerVb > 100_000) {
            throw new IllegalArgumentException("fee rate must be 1..100000 sat/vB, not " + satPerVb);
        }
        return satPerVb * 1000;
    }

    /** Sends a signed transaction to the network; safe to repeat. Blocks up to the broadcast timeout. */
    public BroadcastResult broadcast(byte[] raw) {
        WalletRuntime r = rt();
        Transaction tx = Transaction.read(ByteBuffer.wrap(raw));
        String txid = tx.getTxId().toString();
        Transaction known = r.wallet.getTransaction(tx.getTxId());
        if (known != null && WalletViews.depth(known) > 0) {
            return new BroadcastResult(txid, BroadcastResult.Outcome.ALREADY_KNOWN, "already in block");
        }
        if (known == null) {
            // Committed once, so the wallet knows its coins are spent. Never again: bitcoinj's maybeCommitTx only
            // looks in the pending pool, so a transaction mined meanwhile (or dead) would end up in two pools, and
            // its consistency check then throws on a wallet already changed in memory and saved.
            r.wallet.maybeCommitTx(tx);
        }
        try {
            if (rpc != null) {
                return rpc.broadcast(txid, raw);
            }
            P2pBroadcaster.Outcome outcome = r.p2p.broadcast(tx, config.broadcastTimeout());
            if (outcome == P2pBroadcaster.Outcome.FETCHED) {
                return new BroadcastResult(txid, BroadcastResult.Outcome.SENT, "fetched by a peer");
            }
            if (outcome == P2pBroadcaster.Outcome.HELD) {
                return new BroadcastResult(txid, BroadcastResult.Outcome.ALREADY_KNOWN, "a peer holds it in its memory pool");
            }
            Transaction again = r.wallet.getTransaction(Sha256Hash.wrap(txid));
            if (again != null && again.getConfidence().numBroadcastPeers() > 0) {
                return new BroadcastResult(txid, BroadcastResult.Outcome.ALREADY_KNOWN, "peers announced it");
            }
            return r.p2p.heldByPeer(tx.getTxId(), config.broadcastTimeout())
                    ? new BroadcastResult(txid, BroadcastResult.Outcome.ALREADY_KNOWN, "a peer holds it in its memory pool")
                    : new BroadcastResult(txid, BroadcastResult.Outcome.NOT_TAKEN, "no peer fetched it in time");
        } catch (IOException e) {
            throw new IllegalStateException("broadcast of " + txid + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("broadcast of " + txid + " interrupted", e);
        }
    }
}
