package org.proxyfund.wallet.node;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The local regtest Bitcoin node (bcoin) the service starts for itself in the dev profile, managed like the embedded
 * PostgreSQL: one per JVM, data in a folder of its own, stopped with the service (a shutdown hook kills its whole
 * process group), and a node orphaned by a killed JVM found by its pid file and stopped before a new one starts.
 *
 * <p>What runs is kept in system properties, not only in statics: Quarkus may build its configuration again in
 * another class loader (dev-mode reloads), and must then find the node this JVM already started.
 */
public final class LocalNode {

    private static final Logger LOG = Logger.getLogger(LocalNode.class);
    // Not under proxyfund.local-node: system properties are configuration too, and that prefix is a checked mapping.
    static final String NODE_KEY = "org.proxyfund.wallet.node.LocalNode.node";
    static final String PROBLEM_KEY = "org.proxyfund.wallet.node.LocalNode.problem";
    static final String PID_FILE = "proxyfund-node.pid";
    private static boolean hookAdded;

    private LocalNode() {
    }

    /** What {@link #start} did. */
    public sealed interface StartResult {
        /** The node runs (it may still be mining its first blocks: {@link LocalNodeSetup}). */
        record Started(RunningNode node) implements StartResult {
        }

        /** It cannot run here; the service goes on with the wallet off. */
        record Unavailable(LocalNodeProblem problem) implements StartResult {
        }
    }

    /** Starts the node on {@code dataDir} once per JVM; {@code bcoin} is the launcher from tools/bcoin. */
    public static synchronized StartResult start(Path dataDir, Path bcoin) {
        Optional<RunningNode> already = running();
        if (already.isPresent()) {
            return new StartResult.Started(already.get());
        }
        String known = System.getProperty(PROBLEM_KEY);
        if (known != null) {
            return new StartResult.Unavailable(LocalNodeProblem.valueOf(known)); // said once already
        }
        Path dir = dataDir.toAbsolutePath().normalize();
        if (LocalNodeProcess.findOnPath("node").isEmpty()) {
            return unavailable(LocalNodeProblem.NODEJS_MISSING, "Node.js (node) is not on the PATH");
        }
        if (!Files.isExecutable(bcoin)) {
            return unavailable(LocalNodeProblem.BCOIN_MISSING, bcoin.toAbsolutePath() + " is missing");
        }
        try {
            Files.createDirectories(dir);
            LocalNodeProcess.stopOrphan(dir);
            int p2p = LocalNodeProcess.freePort();
            int rpc = LocalNodeProcess.freePort();
            String apiKey = UUID.randomUUID().toString();
            List<String> command = List.of(bcoin.toAbsolutePath().toString(), "--network=regtest", "--bip37=true",
                    "--replace-by-fee=true", "--workers=false", "--listen=true",
                    // Its only outbound peer is itself (dropped at once): never a regtest node someone else runs
                    // on this machine (bcoin's regtest seed is 127.0.0.1:48444), whose chain it would follow.
                    "--only=127.0.0.1:" + p2p,
                    "--host=127.0.0.1", "--port=" + p2p, "--http-host=127.0.0.1", "--http-port=" + rpc,
                    // No bcoin wallet: the trial's coins are the Faucet's (bcoin's wallet loses them across restarts).
                    "--api-key=" + apiKey, "--no-wallet=true",
                    "--prefix=" + dir, "--log-level=info", "--log-file=true", "--log-console=false");
            long pid = LocalNodeProcess.spawn(command, dir, dir.resolve("stdout.log"));
            Files.writeString(dir.resolve(PID_FILE), Long.toString(pid));
            RunningNode node = new RunningNode(pid, p2p, rpc, apiKey, dir);
            System.setProperty(NODE_KEY, node.encode());
            System.clearProperty(PROBLEM_KEY);
            if (!hookAdded) {
                Runtime.getRuntime().addShutdownHook(new Thread(LocalNode::stop, "local-node-stop"));
                hookAdded = true;
            }
            LocalNodeSetup.begin(node);
            LOG.infof("Local regtest Bitcoin node (bcoin, pid %d) starting: P2P %s, data in %s", pid, node.p2pAddress(), dir);
            return new StartResult.Started(node);
        } catch (IOException | RuntimeException e) {
            return unavailable(LocalNodeProblem.FAILED, "could not start bcoin in " + dir + ": " + e.getMessage());
        }
    }

    /** The node this JVM started, while its process lives. */
    public static Optional<RunningNode> running() {
        String encoded = System.getProperty(NODE_KEY);
        if (encoded == null) {
            return Optional.empty();
        }
        RunningNode node = RunningNode.decode(encoded);
        return ProcessHandle.of(node.pid()).filter(ProcessHandle::isAlive).map(h -> node);
    }

    /** Why the wallet has no local node: not installed, or started and then died. Empty while it runs or when not wanted. */
    public static Optional<LocalNodeProblem> problem() {
        String recorded = System.getProperty(PROBLEM_KEY);
        if (recorded != null) {
            return Optional.of(LocalNodeProblem.valueOf(recorded));
        }
        if (System.getProperty(NODE_KEY) != null && running().isEmpty()) {
            return Optional.of(LocalNodeProblem.FAILED);
        }
        return Optional.empty();
    }

    /** Records a failure found after the start (the node exited, or never answered). */
    static void failed(String why) {
        System.setProperty(PROBLEM_KEY, LocalNodeProblem.FAILED.name());
        LOG.errorf("The local regtest Bitcoin node failed: %s; the wallet has no node", why);
    }

    /** Stops the node and every process of its group (also done by the shutdown hook). */
    public static synchronized void stop() {
        String encoded = System.getProperty(NODE_KEY);
        if (encoded == null) {
            return;
        }
        RunningNode node = RunningNode.decode(encoded);
        LocalNodeProcess.stopGroup(node.pid());
        try {
            Files.deleteIfExists(node.dir().resolve(PID_FILE));
        } catch (IOException e) {
            LOG.debugf("pid file of the local node not removed: %s", e.getMessage());
        }
        System.clearProperty(NODE_KEY);
        LOG.infof("Local regtest Bitcoin node (pid %d) stopped", node.pid());
    }

    private static StartResult unavailable(LocalNodeProblem problem, String detail) {
        System.setProperty(PROBLEM_KEY, problem.name());
        LOG.warnf("No local regtest Bitcoin node (%s: %s): the service runs with the wallet off. %s", problem, detail,
                switch (problem) {
                    case NODEJS_MISSING -> "Install Node.js 20 or newer and npm (Debian/Ubuntu: apt-get install nodejs npm"
                            + " python3 make g++), then start ./run again: it installs bcoin into tools/bcoin.";
                    case BCOIN_MISSING -> "Install it with: (cd tools/bcoin && npm install), then start again.";
                    case FAILED -> "See the node's log in .proxyfund/bcoin.";
                });
        return new StartResult.Unavailable(problem);
    }
}
