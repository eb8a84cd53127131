package org.proxyfund.wallet;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Keeps the wallet's files readable by the service's own user only: the data folder 0700, every file in it 0600.
 * The wallet file's keys are encrypted, but a copy of it is all an attacker needs to try passphrases offline.
 */
final class SecretFiles {

    private static final Logger LOG = Logger.getLogger(SecretFiles.class);
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");

    private SecretFiles() {
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Creates {@code dir} (and parents) if missing and makes it 0700. */
    static void privateDir(Path dir) {
        try {
            Files.createDirectories(dir);
            tighten(dir, DIR);
        } catch (IOException e) {
            throw new WalletStartupException("Cannot create the private wallet folder " + dir, e);
        }
    }

    /** Makes an existing file 0600 (an older release wrote the wallet file 0644); missing files are left alone. */
    static void privateFile(Path file) {
        try {
            if (Files.exists(file)) {
                tighten(file, FILE);
            }
        } catch (IOException e) {
            throw new WalletStartupException("Cannot make " + file + " readable by this user only", e);
        }
    }

    /** A new empty file in {@code dir}, 0600 from the start (nothing is ever written to it while others can read it). */
    static Path newPrivateTemp(Path dir, String prefix) throws IOException {
        return posix() ? Files.createTempFile(dir, prefix, ".tmp", PosixFilePermissions.asFileAttribute(FILE))
                : Files.createTempFile(dir, prefix, ".tmp");
    }

    private static void tighten(Path path, Set<PosixFilePermission> wanted) throws IOException {
        if (!posix()) {
            return;
        }
        Set<PosixFilePermission> now = Files.getPosixFilePermissions(path);
        if (!now.equals(wanted)) {
            Files.setPosixFilePermissions(path, wanted);
            LOG.infof("%s was %s; now %s (this user only)", path, PosixFilePermissions.toString(now),
                    PosixFilePermissions.toString(wanted));
        }
    }
}
