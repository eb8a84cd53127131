package org.proxyfund.wallet;

import org.bitcoinj.wallet.DeterministicSeed;
import org.junit.jupiter.api.Test;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Properties;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WalletSecretsTest {

    private static Path freshDir() {
        return Path.of("target", "wallet-secrets-" + UUID.randomUUID());
    }

    private static void assertNoSecret(String text, String mnemonic, String passphrase) {
        assertFalse(text.contains(mnemonic), "mnemonic leaked");
        assertFalse(text.contains(passphrase), "passphrase leaked");
        String[] words = mnemonic.split(" ");
        for (int i = 0; i + 3 <= words.length; i++) {
            String run = words[i] + " " + words[i + 1] + " " + words[i + 2];
            assertFalse(text.contains(run), "three mnemonic words in a row leaked");
        }
    }

    @Test
    void shouldRefuseToStartWithAWrongPassphraseAndSaySo() {
        String dir = freshDir().toString();
        String mnemonic = DeterministicSeed.ofRandom(new SecureRandom(), 128, "").getMnemonicString();
        try (LogCapture logs = new LogCapture()) {
            WalletRuntime.open(new TestWalletConfig(dir, mnemonic, "the-right-passphrase", false), BitcoinNetwork.REGTEST).close();
            WalletStartupException e = assertThrows(WalletStartupException.class, () -> WalletRuntime.open(
                    new TestWalletConfig(dir, mnemonic, "a-wrong-passphrase", false), BitcoinNetwork.REGTEST));
            assertTrue(e.getMessage().contains("wrong passphrase"), e.getMessage());
            assertTrue(e.getMessage().contains("refusing to start"), e.getMessage());
            assertNoSecret(e.getMessage() + logs.all(), mnemonic, "the-right-passphrase");
            assertNoSecret(e.getMessage(), mnemonic, "a-wrong-passphrase");
        }
        // the right one still opens it
        WalletRuntime.open(new TestWalletConfig(dir, mnemonic, "the-right-passphrase", false), BitcoinNetwork.REGTEST).close();
    }

    @Test
    void shouldRefuseAWalletFileMadeFromAnotherMnemonic() {
        String dir = freshDir().toString();
        String one = DeterministicSeed.ofRandom(new SecureRandom(), 128, "").getMnemonicString();
        String two = DeterministicSeed.ofRandom(new SecureRandom(), 128, "").getMnemonicString();
        WalletRuntime.open(new TestWalletConfig(dir, one, "passphrase-one", false), BitcoinNetwork.REGTEST).close();
        WalletStartupException e = assertThrows(WalletStartupException.class,
                () -> WalletRuntime.open(new TestWalletConfig(dir, two, "passphrase-one", false), BitcoinNetwork.REGTEST));
        assertTrue(e.getMessage().contains("different mnemonic"), e.getMessage());
    }

    @Test
    void shouldRefuseAnInvalidMnemonicWithoutEchoingIt() {
        String bad = "correct horse battery staple correct horse battery staple correct horse battery staple";
        WalletStartupException e = assertThrows(WalletStartupException.class, () -> WalletRuntime.open(
                new TestWalletConfig(freshDir().toString(), bad, "some-passphrase", false), BitcoinNetwork.REGTEST));
        assertFalse(e.getMessage().contains("horse"), e.getMessage());
    }

    @Test
    void shouldGenerateDevSecretsOnceIntoAPrivateFileAndNeverLogThem() throws Exception {
        Path dir = freshDir();
        String logged;
        try (LogCapture logs = new LogCapture()) {
            WalletRuntime.open(new TestWalletConfig(dir.toString(), null, null, true), BitcoinNetwork.REGTEST).close();
            WalletRuntime.open(new TestWalletConfig(dir.toString(), null, null, true), BitcoinNetwork.REGTEST).close();
            logged = logs.all();
            assertTrue(logs.count() > 0);
        }
        Path file = dir.resolve(WalletSecrets.DEV_FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        assertEquals(24, p.getProperty("mnemonic").split(" ").length);
        assertTrue(logged.contains("GENERATED a new one"), "the loud warning");
        assertNoSecret(logged, p.getProperty("mnemonic"), p.getProperty("passphrase"));
    }

    @Test
    void shouldRefuseToGenerateSecretsWhereThatIsSwitchedOff() {
        WalletStartupException e = assertThrows(WalletStartupException.class, () -> WalletRuntime.open(
                new TestWalletConfig(freshDir().toString(), null, null, false), BitcoinNetwork.REGTEST));
        assertTrue(e.getMessage().contains("proxyfund.wallet.mnemonic"), e.getMessage());
    }
}
