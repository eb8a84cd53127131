package org.proxyfund.wallet.node;

import java.nio.file.Path;

/** A started local regtest node: its process, loopback ports, the API key of its RPC and its data folder. */
public record RunningNode(long pid, int p2pPort, int rpcPort, String apiKey, Path dir) {

    /** host:port of its P2P listener, for the wallet's peers. */
    public String p2pAddress() {
        return "127.0.0.1:" + p2pPort;
    }

    /** Its node JSON-RPC (HTTP basic auth: any user, the API key as password). */
    public String rpcUrl() {
        return "http://127.0.0.1:" + rpcPort + "/";
    }

    String encode() {
        return pid + " " + p2pPort + " " + rpcPort + " " + apiKey + " " + dir;
    }

    static RunningNode decode(String s) {
        String[] p = s.split(" ", 5);
        return new RunningNode(Long.parseLong(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]), p[3], Path.of(p[4]));
    }
}
