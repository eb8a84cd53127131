package org.proxyfund.payout;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.bitcoinj.wallet.DeterministicSeed;
import org.proxyfund.wallet.testing.Electrum;
import org.proxyfund.wallet.testing.RegtestNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;

/**
 * Cold mode on the shared regtest node: the admins' fresh mnemonic stays with the test (a file of its own, outside the
 * service's data folder); the service gets only the account key Electrum derived from it, {@code [fp/84'/1'/0']vpub…}.
 */
public class ColdWalletResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        RegtestNode node = RegtestNode.shared();
        String mnemonic = DeterministicSeed.ofRandom(new SecureRandom(), 128, "").getMnemonicString();
        Path keep = Path.of("target", "cold-admin-" + UUID.randomUUID()).toAbsolutePath();
        try {
            Files.createDirectories(keep);
            Files.writeString(keep.resolve("mnemonic"), mnemonic);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Electrum electrum = Electrum.restore(mnemonic);
        String origin = electrum.accountPath.replace("m/", "");
        return Map.of(
                "proxyfund.wallet.enabled", "true",
                "proxyfund.wallet.peers", node.p2pAddress(),
                "proxyfund.wallet.data-dir", "target/wallet-cold-" + UUID.randomUUID(),
                "proxyfund.wallet.watch-key", "[" + electrum.fingerprint + "/" + origin + "]" + electrum.accountXpub,
                "proxyfund.wallet.generate-missing-secrets", "false",
                "proxyfund.wallet.broadcast-timeout", "3s",
                "proxyfund.test.cold-admin-folder", keep.toString());
    }

    @Override
    public void stop() {
        // the node is shared by the whole test run
    }
}
