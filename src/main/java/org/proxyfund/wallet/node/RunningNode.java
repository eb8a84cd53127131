package org.proxyfund.wallet.node;

import java.nio.file.Path;

/** A started local regtest node: its process, loopback ports, the API key of its RPC and its data folder. */
public record RunningNode(long pid, int p2pPort, int rpcPort, int walletRpcPort, String apiKey, Path dir) {

    /** host:port of its P2P listener, for the wallet's peers. */
    public String p2pAddress() {
        return "127.0.0.1:" + p2pPort;
    }

    /** Its node JSON-RPC (HTTP basic auth: any user, the API key as password). */
    public String rpcUrl() {
        return "http://127.0.0.1:" + rpcPort + "/";
    }

    /** Its own wallet's JSON-RPC (the coins that the trial pays donations with). */
    public String walletRpcUrl() {
        return "http://127.0.0.1:" + walletRpcPort + "/";
    }

    String encode() {
        return pid + " " + p2pPort + " " + rpcPort + " " + walletRpcPort + " " + apiKey + " " + dir;
    }

    static RunningNode decode(String s) {
        String[] p = s.split(" ", 6);
        return new RunningNode(Long.parseLong(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]),
                Integer.parseInt(p[3]), p[4], Path.of(p[5]));
    }
}
