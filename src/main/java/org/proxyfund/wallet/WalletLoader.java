package org.proxyfund.wallet;

import org.bitcoinj.base.Network;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.wallet.DeterministicSeed;
import org.bitcoinj.wallet.KeyChainGroupStructure;
import org.bitcoinj.wallet.UnreadableWalletException;
import org.bitcoinj.wallet.Wallet;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Opens the encrypted BIP-84 wallet file, or creates it from the mnemonic; refuses a wrong passphrase or a foreign file. */
final class WalletLoader {

    private static final Logger LOG = Logger.getLogger(WalletLoader.class);

    private WalletLoader() {
    }

    /** A loaded wallet, and whether it was just created (its chain must then be scanned from the birthday). */
    record Loaded(Wallet wallet, boolean created) {
    }

    static Loaded openOrCreate(Network network, Path walletFile, WalletSecrets secrets, Instant birthday) {
        Wallet reference = fromMnemonic(network, secrets, birthday);
        if (Files.exists(walletFile)) {
            Wallet wallet;
            try {
                wallet = Wallet.loadFromFile(walletFile.toFile());
            } catch (UnreadableWalletException e) {
                throw new WalletStartupException("The wallet file " + walletFile + " cannot be read (" + e.getMessage()
                        + "); restore it from a backup, or move it away to rebuild it from the mnemonic", e);
            }
            if (!wallet.network().equals(network)) {
                throw new WalletStartupException("The wallet file " + walletFile + " belongs to " + wallet.network()
                        + ", not " + network + ": check proxyfund.bitcoin.network and proxyfund.wallet.data-dir");
            }
            if (!wallet.isEncrypted() || !wallet.checkPassword(secrets.passphrase)) {
                throw new WalletStartupException("The wallet file " + walletFile + " cannot be opened with the configured "
                        + "proxyfund.wallet.passphrase (wrong passphrase): refusing to start. Give the passphrase the file "
                        + "was created with, or move the file away to rebuild the wallet from the mnemonic");
            }
            String expected = reference.getWatchingKey().serializePubB58(network, ScriptType.P2WPKH);
            String actual = wallet.getWatchingKey().serializePubB58(network, ScriptType.P2WPKH);
            if (!expected.equals(actual)) {
                throw new WalletStartupException("The wallet file " + walletFile + " was made from a different mnemonic "
                        + "than proxyfund.wallet.mnemonic: refusing to start");
            }
            SecretFiles.privateFile(walletFile);
            return new Loaded(wallet, false);
        }
        reference.encrypt(secrets.passphrase);
        try {
            save(reference, walletFile);
        } catch (IOException e) {
            throw new WalletStartupException("Cannot write the wallet file " + walletFile, e);
        }
        LOG.infof("Created the encrypted wallet file %s from the configured mnemonic", walletFile);
        return new Loaded(reference, true);
    }

    /**
     * Opens or creates the watch-only wallet of cold mode from the account's public key. Refuses a wallet file that
     * holds private keys (a hot wallet's) or watches another account.
     */
    static Loaded openOrCreateWatching(Network network, Path walletFile, WatchKey watch, Instant birthday) {
        String expected = watch.key().serializePubB58(network, ScriptType.P2WPKH);
        if (Files.exists(walletFile)) {
            Wallet wallet;
            try {
                wallet = Wallet.loadFromFile(walletFile.toFile());
            } catch (UnreadableWalletException e) {
                throw new WalletStartupException("The wallet file " + walletFile + " cannot be read (" + e.getMessage()
                        + "); move it away to rebuild the watch-only wallet from proxyfund.wallet.watch-key", e);
            }
            if (!wallet.network().equals(network)) {
                throw new WalletStartupException("The wallet file " + walletFile + " belongs to " + wallet.network() + ", not " + network);
            }
            if (!wallet.isWatching()) {
                throw new WalletStartupException("The wallet file " + walletFile + " holds private keys, but cold mode"
                        + " (proxyfund.wallet.watch-key) must hold none: move the file to cold storage, then start again");
            }
            if (!expected.equals(wallet.getWatchingKey().serializePubB58(network, ScriptType.P2WPKH))) {
                throw new WalletStartupException("The wallet file " + walletFile + " watches another account than"
                        + " proxyfund.wallet.watch-key: refusing to start");
            }
            SecretFiles.privateFile(walletFile);
            return new Loaded(wallet, false);
        }
        if (birthday != null) {
            watch.key().setCreationTime(birthday); // blocks before it are not scanned, as for a hot wallet's birthday
        }
        Wallet wallet = Wallet.fromWatchingKey(network, watch.key(), ScriptType.P2WPKH);
        try {
            save(wallet, walletFile);
        } catch (IOException e) {
            throw new WalletStartupException("Cannot write the wallet file " + walletFile, e);
        }
        LOG.infof("Created the watch-only wallet file %s from proxyfund.wallet.watch-key (cold mode: no spending key)", walletFile);
        return new Loaded(wallet, true);
    }

    /** Writes the wallet through a temporary file that is 0600 before the first byte, then renames it into place. */
    static void save(Wallet wallet, Path walletFile) throws IOException {
        Path dir = walletFile.toAbsolutePath().getParent();
        SecretFiles.privateDir(dir);
        Path temp = SecretFiles.newPrivateTemp(dir, "wallet");
        try {
            wallet.saveToFile(temp.toFile(), walletFile.toFile());
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Wallet fromMnemonic(Network network, WalletSecrets secrets, Instant birthday) {
        DeterministicSeed seed = birthday == null ? DeterministicSeed.ofMnemonic(secrets.mnemonic, "")
                : DeterministicSeed.ofMnemonic(secrets.mnemonic, "", birthday);
        return Wallet.fromSeed(network, seed, ScriptType.P2WPKH, KeyChainGroupStructure.BIP43);
    }
}
