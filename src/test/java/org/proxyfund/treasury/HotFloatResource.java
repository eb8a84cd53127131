package org.proxyfund.treasury;

import org.proxyfund.audit.FreshChainResource;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import org.bitcoinj.wallet.DeterministicSeed;
import org.proxyfund.wallet.testing.Electrum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A hot deployment with a float on the shared regtest node: a fresh hot mnemonic and a fresh database (so the books
 * and the wallet hold only this test's coins), and a cold wallet restored in Electrum from the admins' fresh mnemonic,
 * of which the service gets only the account's public key (vpub, without origin).
 */
public class HotFloatResource implements QuarkusTestResourceLifecycleManager {

    public static final long CAP = 50_000_000L;
    public static final long SWEEP_MIN = 10_000_000L;

    /** The profile: this resource and nothing else shared with other profiles. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(HotFloatResource.class));
        }
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = FreshChainResource.freshDatabaseAndWallet("float");
        String coldMnemonic = DeterministicSeed.ofRandom(new SecureRandom(), 128, "").getMnemonicString();
        Path keep = Path.of("target", "cold-float-" + UUID.randomUUID()).toAbsolutePath();
        try {
            Files.createDirectories(keep);
            Files.writeString(keep.resolve("mnemonic"), coldMnemonic);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Electrum cold = Electrum.restore(coldMnemonic);
        config.put("proxyfund.treasury.hot-cap-sats", Long.toString(CAP));
        config.put("proxyfund.treasury.sweep-min-sats", Long.toString(SWEEP_MIN));
        config.put("proxyfund.treasury.cold-watch-key", cold.accountXpub);
        config.put("proxyfund.test.cold-electrum-mnemonic-folder", keep.toString());
        return config;
    }

    @Override
    public void stop() {
        // the database goes with the server's folder at the next run; the node is shared
    }
}
