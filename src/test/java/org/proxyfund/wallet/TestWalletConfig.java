package org.proxyfund.wallet;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A WalletConfig for tests that open the wallet without Quarkus. */
record TestWalletConfig(String dataDir, String mnemonicValue, String passphraseValue, boolean generate) implements WalletConfig {

    @Override public boolean enabled() { return true; }
    @Override public Optional<String> mnemonic() { return Optional.ofNullable(mnemonicValue); }
    @Override public Optional<String> watchKey() { return Optional.empty(); }
    @Override public Optional<String> passphrase() { return Optional.ofNullable(passphraseValue); }
    @Override public boolean generateMissingSecrets() { return generate; }
    @Override public Optional<Instant> birthday() { return Optional.empty(); }
    @Override public Optional<List<String>> peers() { return Optional.of(List.of("127.0.0.1:1")); }
    @Override public int maxPeers() { return 1; }
    @Override public Broadcaster broadcaster() { return Broadcaster.P2P; }
    @Override public Optional<String> rpcUrl() { return Optional.empty(); }
    @Override public Optional<String> rpcUser() { return Optional.empty(); }
    @Override public Optional<String> rpcPassword() { return Optional.empty(); }
    @Override public Duration broadcastTimeout() { return Duration.ofSeconds(1); }
    @Override public Duration rpcTimeout() { return Duration.ofSeconds(1); }
    @Override public long feeRateSatsPerKvb() { return 1000; }
}
