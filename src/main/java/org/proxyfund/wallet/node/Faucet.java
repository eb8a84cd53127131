package org.proxyfund.wallet.node;

import com.fasterxml.jackson.databind.JsonNode;
import org.bitcoinj.base.Address;
import org.bitcoinj.base.AddressParser;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.Coin;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionOutPoint;
import org.bitcoinj.core.TransactionWitness;
import org.bitcoinj.crypto.ECKey;
import org.bitcoinj.crypto.TransactionSignature;
import org.bitcoinj.script.ScriptBuilder;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The trial's test coins: one key (kept in {@code faucet.key} in the node's data folder) that the local node mines to
 * and that pays with bitcoinj. Not bcoin's own wallet: bcoin 1.0.2 with the leveldown tools/bcoin installs lists no
 * coins from a wallet kept on disk, and a wallet in memory misses the blocks of a chain it finds at start.
 */
public final class Faucet {

    /** Coinbase outputs are spendable after 100 blocks. */
    private static final int COINBASE_MATURITY = 100;
    /** How far back the coins are looked for. */
    private static final int SCAN_BLOCKS = 2_000;
    private static final long FEE_SAT_PER_VB = 2;
    private static final long DUST_SATS = 1_000;

    private final ECKey key;
    private final Address address;
    private final String script;
    /** Outputs spent by a payment still in the mempool (the node's gettxout does not know). */
    private final Set<String> spent = ConcurrentHashMap.newKeySet();

    private Faucet(ECKey key) {
        this.key = key;
        this.address = key.toAddress(ScriptType.P2WPKH, BitcoinNetwork.REGTEST);
        this.script = HexFormat.of().formatHex(ScriptBuilder.createOutputScript(address).program());
    }

    /** The faucet of the node in {@code dir}: its key is made once and kept there (mode 0600). */
    public static synchronized Faucet in(Path dir) throws IOException {
        Path file = dir.resolve("faucet.key");
        if (!Files.exists(file)) {
            Files.createDirectories(dir);
            Files.writeString(Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
                    new ECKey().getPrivateKeyAsHex());
        }
        return new Faucet(ECKey.fromPrivate(HexFormat.of().parseHex(Files.readString(file).strip())));
    }

    /** Its regtest address (bcrt1…): mine to it, or send coins to it. */
    public String address() {
        return address.toString();
    }

    /** Pays {@code sats} to {@code to} (a regtest address) from its confirmed, mature outputs; returns the txid. */
    public synchronized String pay(BcoinRpc rpc, String to, long sats) throws IOException {
        Address target;
        try {
            target = AddressParser.getDefault(BitcoinNetwork.REGTEST).parseAddress(to);
        } catch (RuntimeException e) {
            throw new IOException("not a regtest address: " + to);
        }
        List<Utxo> coins = new ArrayList<>();
        long sum = 0;
        int tip = rpc.node("getblockcount").asInt();
        for (int h = tip; h > Math.max(0, tip - SCAN_BLOCKS) && sum < sats + fee(coins.size() + 1); h--) {
            JsonNode block = rpc.node("getblock", rpc.node("getblockhash", h).asText(), true, true);
            JsonNode txs = block.path("tx");
            for (int i = 0; i < txs.size() && sum < sats + fee(coins.size() + 1); i++) {
                if (i == 0 && tip + 1 - h < COINBASE_MATURITY) {
                    continue;
                }
                for (JsonNode out : txs.get(i).path("vout")) {
                    String txid = txs.get(i).path("txid").asText();
                    int n = out.path("n").asInt();
                    if (script.equals(out.path("scriptPubKey").path("hex").asText()) && !spent.contains(txid + ":" + n)
                            && !rpc.node("gettxout", txid, n, false).isNull()) {
                        long value = new BigDecimal(out.path("value").asText()).movePointRight(8).longValueExact();
                        coins.add(new Utxo(txid, n, value));
                        sum += value;
                    }
                }
            }
        }
        long fee = fee(coins.size());
        if (sum < sats + fee) {
            throw new IOException("the faucet holds too few spendable test coins; mine blocks to it (each block's reward"
                    + " can be spent 100 blocks later)");
        }
        Transaction tx = new Transaction();
        tx.addOutput(Coin.valueOf(sats), target);
        if (sum - sats - fee > DUST_SATS) {
            tx.addOutput(Coin.valueOf(sum - sats - fee), address);
        }
        for (Utxo c : coins) {
            tx.addInput(new org.bitcoinj.core.TransactionInput(tx, new byte[0],
                    new TransactionOutPoint(c.n(), Sha256Hash.wrap(c.txid())), Coin.valueOf(c.sats())));
        }
        for (int i = 0; i < coins.size(); i++) {
            TransactionSignature sig = tx.calculateWitnessSignature(i, key, ScriptBuilder.createP2PKHOutputScript(key),
                    Coin.valueOf(coins.get(i).sats()), Transaction.SigHash.ALL, false);
            tx.replaceInput(i, tx.getInput(i).withWitness(TransactionWitness.redeemP2WPKH(sig, key)));
        }
        String txid = rpc.node("sendrawtransaction", HexFormat.of().formatHex(tx.serialize())).asText();
        coins.forEach(c -> spent.add(c.txid() + ":" + c.n()));
        return txid;
    }

    private static long fee(int inputs) {
        return (11 + 68L * inputs + 31 * 2) * FEE_SAT_PER_VB;
    }

    private record Utxo(String txid, int n, long sats) {
    }
}
