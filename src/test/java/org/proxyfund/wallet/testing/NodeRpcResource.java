package org.proxyfund.wallet.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Points proxyfund.wallet.rpc-url (and its credentials) at the shared regtest node, beside RegtestNodeResource. A
 * test resource, not a profile override: resources run where RegtestNodeResource runs and so see the same shared
 * node, while a profile's overrides may be computed where RegtestNode.shared() would start a second node.
 */
public class NodeRpcResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        RegtestNode node = RegtestNode.shared();
        return Map.of("proxyfund.wallet.rpc-url", node.rpcUrl(), "proxyfund.wallet.rpc-user", "x",
                "proxyfund.wallet.rpc-password", node.apiKey());
    }

    @Override
    public void stop() {
        // The node is shared by the whole test run; RegtestNode.shared() stops it at JVM exit.
    }
}
