package org.proxyfund.wallet;

import org.bitcoinj.wallet.DeterministicSeed;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wallet's files on disk are readable by the service's user only, also after autosaves and for old files. */
class SecretFilesTest {

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void shouldWriteTheWalletFileTheChainAndTheDevSecretsReadableByTheServiceOnlyAlsoAfterAutosave() throws Exception {
        Path dir = Path.of("target", "secret-files-" + UUID.randomUUID());
        WalletRuntime r = WalletRuntime.open(new TestWalletConfig(dir.toString(), null, null, true), BitcoinNetwork.REGTEST);
        Path wallet = dir.resolve(WalletRuntime.WALLET_FILE);
        try {
            assertEquals("rwx------", mode(dir));
            assertEquals("rw-------", mode(wallet));
            assertEquals("rw-------", mode(dir.resolve(WalletSecrets.DEV_FILE)));
            assertEquals("rw-------", mode(dir.resolve(WalletRuntime.CHAIN_FILE)));
            long before = Files.size(wallet);
            r.start(wallet);
            r.receiveAddress(40); // issues keys: the wallet changes and is autosaved
        } finally {
            r.close(); // waits for the pending autosave
        }
        assertTrue(Files.size(wallet) > 0);
        assertEquals("rw-------", mode(wallet), "the autosaved wallet file");
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                assertEquals("rw-------", mode(f), f.toString());
            }
        }
    }

    @Test
    void shouldTightenAWalletFileAnOlderReleaseLeftReadableByOthers() throws Exception {
        Path dir = Path.of("target", "secret-files-" + UUID.randomUUID());
        String mnemonic = DeterministicSeed.ofRandom(new SecureRandom(), 128, "").getMnemonicString();
        TestWalletConfig config = new TestWalletConfig(dir.toString(), mnemonic, "passphrase-of-old", false);
        WalletRuntime.open(config, BitcoinNetwork.REGTEST).close();
        Path wallet = dir.resolve(WalletRuntime.WALLET_FILE);
        Files.setPosixFilePermissions(wallet, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        WalletRuntime.open(config, BitcoinNetwork.REGTEST).close();
        assertEquals("rw-------", mode(wallet));
        assertEquals("rwx------", mode(dir));
    }
}
