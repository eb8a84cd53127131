package org.proxyfund.wallet.node;

import org.jboss.logging.Logger;

import java.io.IOException;

/**
 * Brings a just-started local node to where the wallet can use it, in the background so the service's start does not
 * wait: its RPC answers, and on the first start it mines past segwit activation (bcoin's regtest treats segwit as a
 * BIP9 deployment: three 144-block periods) to the {@link Faucet}, whose test coins then mature. Later starts find the
 * blocks.
 */
final class LocalNodeSetup {

    private static final Logger LOG = Logger.getLogger(LocalNodeSetup.class);
    /** Past segwit's activation (432) and with coinbases matured (100 blocks). */
    static final int FIRST_HEIGHT = 440;
    private static final long ANSWER_WITHIN_MS = 120_000;

    private LocalNodeSetup() {
    }

    static void begin(RunningNode node) {
        Thread t = new Thread(() -> run(node), "local-node-setup");
        t.setDaemon(true);
        t.start();
    }

    private static void run(RunningNode node) {
        BcoinRpc rpc = new BcoinRpc(node);
        long end = System.currentTimeMillis() + ANSWER_WITHIN_MS;
        int height = -1;
        while (height < 0) {
            if (ProcessHandle.of(node.pid()).filter(ProcessHandle::isAlive).isEmpty()) {
                LocalNode.failed("bcoin exited at start; see " + node.dir().resolve("stdout.log")
                        + " and " + node.dir().resolve("regtest/debug.log"));
                return;
            }
            try {
                height = rpc.node("getblockcount").asInt();
            } catch (IOException e) {
                height = -1;
                if (System.currentTimeMillis() > end) {
                    LocalNode.failed("bcoin did not answer within 120 s (" + e.getMessage() + ")");
                    return;
                }
                sleep();
            }
        }
        try {
            if (height < FIRST_HEIGHT) {
                LOG.infof("Local regtest node: mining %d blocks (segwit activation, mature test coins)", FIRST_HEIGHT - height);
                rpc.node("generatetoaddress", FIRST_HEIGHT - height, BcoinRpc.toNode(Faucet.in(node.dir()).address()));
            }
            LOG.infof("Local regtest Bitcoin node ready: height %d, best block %s",
                    rpc.node("getblockcount").asInt(), rpc.node("getbestblockhash").asText());
        } catch (IOException e) {
            LocalNode.failed("mining its first blocks failed: " + e.getMessage());
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
