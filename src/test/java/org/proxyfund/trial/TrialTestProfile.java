package org.proxyfund.trial;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import org.proxyfund.wallet.testing.RegtestNode;
import org.proxyfund.wallet.testing.RegtestNodeResource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Trial mode on, the wallet on the test run's regtest node, and the trial console pointed at that node. */
public class TrialTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("proxyfund.trial.enabled", "true", "proxyfund.trial.admin-handle", "trial-admin-test");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(RegtestNodeResource.class), new TestResourceEntry(ConsoleNode.class));
    }

    /**
     * The console's node: the same shared node the wallet uses (test resources and tests share its class loader), and a
     * fresh faucet key.
     */
    public static class ConsoleNode implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            RegtestNode node = RegtestNode.shared();
            return Map.of(
                    "proxyfund.trial.node-rpc-url", node.rpcUrl(),
                    "proxyfund.trial.node-api-key", node.apiKey(),
                    "proxyfund.local-node.data-dir", "target/trial-faucet-" + UUID.randomUUID());
        }

        @Override
        public void stop() {
            // RegtestNode.shared() stops the node at JVM exit.
        }
    }
}
