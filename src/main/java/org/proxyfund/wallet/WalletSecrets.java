package org.proxyfund.wallet;

import org.bitcoinj.crypto.MnemonicCode;
import org.bitcoinj.crypto.MnemonicException;
import org.bitcoinj.wallet.DeterministicSeed;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/**
 * The wallet's two secrets, mnemonic and passphrase: from configuration, or (dev only) generated once
 * and kept in a private file in the data folder. Neither is ever logged; {@link #toString()} hides them.
 */
final class WalletSecrets {

    private static final Logger LOG = Logger.getLogger(WalletSecrets.class);
    static final String DEV_FILE = "dev-secrets.properties";

    final String mnemonic;
    final String passphrase;

    private WalletSecrets(String mnemonic, String passphrase) {
        this.mnemonic = mnemonic;
        this.passphrase = passphrase;
    }

    /**
     * Whether this deployment has a hot wallet at all: a mnemonic or passphrase configured, dev secrets stored, or
     * allowed to generate them. Without one the service runs with no spending key (no hot wallet).
     */
    static boolean configured(WalletConfig config, Path dataDir) {
        return config.mnemonic().isPresent() || config.passphrase().isPresent()
                || Files.exists(dataDir.resolve(DEV_FILE)) || config.generateMissingSecrets();
    }

    static WalletSecrets resolve(WalletConfig config, Path dataDir) {
        Path devFile = dataDir.resolve(DEV_FILE);
        if (config.mnemonic().isPresent() || config.passphrase().isPresent()) {
            String mnemonic = config.mnemonic().orElseThrow(() -> new WalletStartupException(
                    "proxyfund.wallet.passphrase is set but proxyfund.wallet.mnemonic is not: give both (as secrets)"));
            String passphrase = config.passphrase().orElseThrow(() -> new WalletStartupException(
                    "proxyfund.wallet.mnemonic is set but proxyfund.wallet.passphrase is not: give both (as secrets)"));
            return validated(normalise(mnemonic), passphrase);
        }
        if (Files.exists(devFile)) {
            SecretFiles.privateFile(devFile);
            return readDevFile(devFile);
        }
        if (!config.generateMissingSecrets()) {
            throw new WalletStartupException("No wallet secrets: set proxyfund.wallet.mnemonic and proxyfund.wallet.passphrase "
                    + "(PROXYFUND_WALLET_MNEMONIC, PROXYFUND_WALLET_PASSPHRASE) from a secret store");
        }
        return generate(devFile);
    }

    private static WalletSecrets generate(Path devFile) {
        SecureRandom random = new SecureRandom();
        DeterministicSeed seed = DeterministicSeed.ofRandom(random, 256, "");
        byte[] pass = new byte[24];
        random.nextBytes(pass);
        WalletSecrets secrets = new WalletSecrets(seed.getMnemonicString(), HexFormat.of().formatHex(pass));
        Properties p = new Properties();
        p.setProperty("mnemonic", secrets.mnemonic);
        p.setProperty("passphrase", secrets.passphrase);
        try {
            SecretFiles.privateDir(devFile.getParent());
            Files.createFile(devFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer w = Files.newBufferedWriter(devFile)) {
                p.store(w, "proxyfund DEV wallet secrets. Anyone with this file can spend the wallet. Not for production.");
            }
        } catch (IOException e) {
            throw new WalletStartupException("Cannot store the generated dev wallet secrets in " + devFile, e);
        }
        LOG.warnf("%n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
                + "%n!!! No wallet mnemonic configured: GENERATED a new one for development and stored it, with the"
                + "%n!!! passphrase, in %s (readable by this user only). Back that file up or lose the coins."
                + "%n!!! Production must set proxyfund.wallet.mnemonic and proxyfund.wallet.passphrase as secrets."
                + "%n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
                devFile.toAbsolutePath());
        return secrets;
    }

    private static WalletSecrets readDevFile(Path devFile) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(devFile)) {
            p.load(r);
        } catch (IOException e) {
            throw new WalletStartupException("Cannot read the dev wallet secrets in " + devFile, e);
        }
        String mnemonic = p.getProperty("mnemonic");
        String passphrase = p.getProperty("passphrase");
        if (mnemonic == null || passphrase == null) {
            throw new WalletStartupException(devFile + " lacks mnemonic or passphrase");
        }
        LOG.warnf("Using the DEV wallet secrets stored in %s; production sets proxyfund.wallet.mnemonic/passphrase", devFile);
        return validated(normalise(mnemonic), passphrase);
    }

    private static WalletSecrets validated(String mnemonic, String passphrase) {
        List<String> words = Arrays.asList(mnemonic.split(" "));
        try {
            MnemonicCode.INSTANCE.check(words);
        } catch (MnemonicException e) {
            // The exception names the offending word: do not pass it on.
            throw new WalletStartupException("proxyfund.wallet.mnemonic is not a valid BIP-39 English mnemonic ("
                    + words.size() + " words; " + e.getClass().getSimpleName() + ")");
        }
        if (passphrase.length() < 8) {
            throw new WalletStartupException("proxyfund.wallet.passphrase is too short: use at least 8 characters");
        }
        return new WalletSecrets(mnemonic, passphrase);
    }

    private static String normalise(String mnemonic) {
        return String.join(" ", mnemonic.trim().toLowerCase(java.util.Locale.ROOT).split("\\s+"));
    }

    @Override
    public String toString() {
        return "WalletSecrets[hidden]";
    }
}
