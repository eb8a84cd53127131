package org.proxyfund.wallet.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import org.bitcoinj.wallet.DeterministicSeed;

import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;

/** Starts (once per JVM) the shared bcoin regtest node and points the service's wallet at it, in a fresh data folder. */
public class RegtestNodeResource implements QuarkusTestResourceLifecycleManager {

    /** A fresh throwaway mnemonic per run (tests read it back from proxyfund.wallet.mnemonic). */
    private static final String MNEMONIC = DeterministicSeed.ofRandom(new SecureRandom(), 128, "").getMnemonicString();

    @Override
    public Map<String, String> start() {
        RegtestNode node = RegtestNode.shared();
        return Map.of(
                "proxyfund.wallet.enabled", "true",
                "proxyfund.wallet.peers", node.p2pAddress(),
                "proxyfund.wallet.data-dir", "target/wallet-test-" + UUID.randomUUID(),
                "proxyfund.wallet.mnemonic", MNEMONIC,
                "proxyfund.wallet.passphrase", "regtest-" + UUID.randomUUID(),
                "proxyfund.wallet.broadcast-timeout", "3s");
    }

    @Override
    public void stop() {
        // The node is shared by the whole test run; RegtestNode.shared() stops it at JVM exit.
    }
}
