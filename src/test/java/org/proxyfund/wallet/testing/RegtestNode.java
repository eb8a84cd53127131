package org.proxyfund.wallet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bitcoinj.base.Base58;
import org.bitcoinj.base.Bech32;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * A real regtest Bitcoin full node (bcoin, installed by {@code .ci/install-test-deps} into
 * {@code tools/bcoin}) on free loopback ports, for tests. One per test run: {@link #shared()}.
 *
 * <p>bcoin quirks handled here: its regtest bech32 prefix is {@code rb}, not {@code bcrt}, so
 * addresses are re-encoded (same witness program) on the way in and out; segwit is a BIP9 deployment
 * on its regtest, so {@link #start} mines past activation (432 blocks) before anything else; and its
 * built-in wallet (funded by those blocks' coinbases) is what {@link #sendToAddress} spends; its
 * {@code getnewaddress} prints legacy addresses with the mainnet version byte, re-encoded to 0x3c.
 */
public final class RegtestNode implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static RegtestNode shared;

    private final Process process;
    private final int p2pPort;
    private final int httpPort;
    private final int walletPort;
    private final String apiKey;
    private final Path dir;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final String minerAddress;

    /** The node shared by all tests of this JVM, started on first use and stopped at JVM exit. */
    public static synchronized RegtestNode shared() {
        if (shared == null) {
            shared = start(Path.of("target", "bcoin-" + UUID.randomUUID()));
            RegtestNode node = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(node::close));
        }
        return shared;
    }

    /** Starts a node in {@code dir}, waits for its RPC, and mines until segwit is active and coins are mature. */
    public static RegtestNode start(Path dir) {
        Path bin = Path.of("tools", "bcoin", "node_modules", ".bin", "bcoin").toAbsolutePath();
        if (!Files.isExecutable(bin)) {
            throw new IllegalStateException(bin + " is missing: run .ci/install-test-deps (installs bcoin with npm)");
        }
        try {
            Files.createDirectories(dir);
            int p2p = freePort();
            int httpPort = freePort();
            int walletPort = freePort();
            String key = UUID.randomUUID().toString();
            // With --memory=true bcoin writes no log file: it logs to the console, kept in stdout.log in the folder.
            List<String> cmd = List.of(bin.toString(), "--network=regtest", "--memory=true", "--bip37=true", "--replace-by-fee=true",
                    "--workers=false", "--listen=true", "--host=127.0.0.1", "--port=" + p2p,
                    "--http-host=127.0.0.1", "--http-port=" + httpPort, "--api-key=" + key,
                    "--wallet-http-host=127.0.0.1", "--wallet-http-port=" + walletPort,
                    "--prefix=" + dir.toAbsolutePath(), "--log-level=info", "--log-file=true", "--log-console=true"
            );
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("stdout.log").toFile()).start();
            try {
                return new RegtestNode(p, p2p, httpPort, walletPort, key, dir);
            } catch (RuntimeException | Error e) {
                p.destroyForcibly();
                throw e;
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot start bcoin", e);
        }
    }

    private RegtestNode(Process process, int p2pPort, int httpPort, int walletPort, String apiKey, Path dir) {
        this.process = process;
        this.p2pPort = p2pPort;
        this.httpPort = httpPort;
        this.walletPort = walletPort;
        this.apiKey = apiKey;
        this.dir = dir;
        await("bcoin RPC", Duration.ofSeconds(60), () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("bcoin exited; see " + dir.resolve("stdout.log").toAbsolutePath());
            }
            try {
                rpc("getblockcount");
                walletRpc("getbalance");
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        });
        // bcoin 1.0.2's wallet RPC prints its legacy addresses with the mainnet version byte (0x00);
        // its node wants the regtest one (0x3c) for the same key hash.
        byte[] versioned = Base58.decodeChecked(walletRpc("getnewaddress", "default").asText());
        this.minerAddress = Base58.encodeChecked(0x3c, java.util.Arrays.copyOfRange(versioned, 1, versioned.length));
        // segwit activates after three 144-block BIP9 periods; coinbases mature after 100 blocks.
        mineTo(440, minerAddress);
        String segwit = rpc("getblockchaininfo").path("bip9_softforks").path("segwit").path("status").asText();
        if (!"active".equals(segwit)) {
            throw new IllegalStateException("segwit is " + segwit + " on the regtest node after 440 blocks");
        }
    }

    /** host:port of the node's P2P listener, for proxyfund.wallet.peers. */
    public String p2pAddress() {
        return "127.0.0.1:" + p2pPort;
    }

    /** The node's JSON-RPC URL (HTTP basic auth: any user, {@link #apiKey()} as password). */
    public String rpcUrl() {
        return "http://127.0.0.1:" + httpPort + "/";
    }

    public String apiKey() {
        return apiKey;
    }

    /** Mines {@code n} blocks paying the node's own wallet; returns their hashes. */
    public List<String> mine(int n) {
        return mineTo(n, minerAddress);
    }

    /** Mines {@code n} blocks to {@code address} (bitcoinj/standard encoding, bcrt1... accepted). */
    public List<String> mineTo(int n, String address) {
        List<String> hashes = new ArrayList<>();
        for (JsonNode h : rpc("generatetoaddress", n, toNode(address))) {
            hashes.add(h.asText());
        }
        return hashes;
    }

    /** Pays {@code sats} from the node's wallet to {@code address}; returns the txid. */
    public String sendToAddress(String address, long sats) {
        return walletRpc("sendtoaddress", toNode(address), BigDecimal.valueOf(sats, 8)).asText();
    }

    /** The txids in the node's mempool. */
    public List<String> mempool() {
        List<String> ids = new ArrayList<>();
        rpc("getrawmempool").forEach(n -> ids.add(n.asText()));
        return ids;
    }

    public int blockCount() {
        return rpc("getblockcount").asInt();
    }

    public String bestBlockHash() {
        return rpc("getbestblockhash").asText();
    }

    /** Txids in a block. */
    public List<String> blockTxids(String blockHash) {
        List<String> ids = new ArrayList<>();
        rpc("getblock", blockHash).path("tx").forEach(n -> ids.add(n.asText()));
        return ids;
    }

    /**
     * Marks a block invalid, so the node's chain goes back to its parent. bcoin returns the block's
     * transactions to the mempool only when its mempool is not empty; when it is empty they vanish,
     * so mining on afterwards makes the new, longer chain leave them out: a reorg that removes a payment.
     */
    public void invalidateBlock(String blockHash) {
        rpc("invalidateblock", blockHash);
    }

    /**
     * A reorg that removes transactions: marks the lowest block at or above {@code fromHeight} that holds any of
     * {@code txids} invalid and mines a longer branch in its place ({@link #invalidateBlock} says why they then vanish
     * when the mempool is empty). False, and nothing changed, when no such block is on the chain.
     */
    public boolean reorgAway(Collection<String> txids, int fromHeight) {
        int tip = blockCount();
        for (int h = fromHeight; h <= tip; h++) {
            String hash = rpc("getblockhash", h).asText();
            if (blockTxids(hash).stream().anyMatch(txids::contains)) {
                invalidateBlock(hash);
                mine(tip - h + 2);
                return true;
            }
        }
        return false;
    }

    /** Sends a raw transaction (hex) through the node's RPC; returns the txid. */
    public String sendRawTransaction(String hex) {
        return rpc("sendrawtransaction", hex).asText();
    }

    /** The bcoin spelling of an address: bech32 with prefix rb instead of bcrt (same witness program). */
    public static String toNode(String address) {
        if (address.startsWith("bcrt1")) {
            Bech32.Bech32Data d = Bech32.decode(address);
            return Bech32.encode(d.encoding, "rb", d);
        }
        return address;
    }

    /** The standard (bitcoinj) spelling of a bcoin regtest address. */
    public static String fromNode(String address) {
        if (address.startsWith("rb1")) {
            Bech32.Bech32Data d = Bech32.decode(address);
            return Bech32.encode(d.encoding, "bcrt", d);
        }
        return address;
    }

    public JsonNode rpc(String method, Object... params) {
        return call(httpPort, method, params);
    }

    public JsonNode walletRpc(String method, Object... params) {
        return call(walletPort, method, params);
    }

    /**
     * One JSON-RPC call. A read ({@code get…}) that fails on the connection is asked again, at most twice: the JDK
     * client now and then hands out a pooled connection just as its keep-alive timer closes it ("header parser received
     * no bytes", "connection closed locally"), and a read asked twice changes nothing. Anything else fails at once, so
     * a payment or a block is never made twice.
     */
    private JsonNode call(int port, String method, Object... params) {
        for (int attempt = 1; ; attempt++) {
            try {
                return callOnce(port, method, params);
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof IOException) || !method.startsWith("get") || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private JsonNode callOnce(int port, String method, Object... params) {
        try {
            String body = JSON.writeValueAsString(Map.of("method", method, "params", params));
            String auth = Base64.getEncoder().encodeToString(("x:" + apiKey).getBytes(StandardCharsets.UTF_8));
            HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", "Basic " + auth)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            JsonNode reply = JSON.readTree(http.send(req, HttpResponse.BodyHandlers.ofString()).body());
            if (reply.hasNonNull("error")) {
                throw new IllegalStateException("bcoin " + method + ": " + reply.get("error"));
            }
            return reply.get("result");
        } catch (IOException e) {
            throw new IllegalStateException("bcoin " + method + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls {@code condition} every 100 ms until true; fails with {@code what} after {@code timeout}. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * Freezes the node (SIGSTOP): its sockets stay open and nothing answers, like a node that hangs. Always
     * {@link #thaw()} it in a finally block; the node is shared by the whole test JVM.
     */
    public void freeze() {
        signal("-STOP");
    }

    /** Lets a {@link #freeze() frozen} node run again (SIGCONT). */
    public void thaw() {
        signal("-CONT");
    }

    private void signal(String which) {
        try {
            // The shell's own kill: no procps needed on a fresh CI machine.
            Process kill = new ProcessBuilder("sh", "-c", "kill " + which + " " + process.pid()).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill " + which + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the node (its data is in memory; the folder keeps only logs). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
