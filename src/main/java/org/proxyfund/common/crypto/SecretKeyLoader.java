package org.proxyfund.common.crypto;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** Finds the current secrets key: configured, or (unless required) generated once into a 0600 key file. */
final class SecretKeyLoader {

    private static final Logger LOG = Logger.getLogger(SecretKeyLoader.class);

    private SecretKeyLoader() {
    }

    static String currentKey(SecretsConfig config) {
        if (config.key().isPresent() && !config.key().get().isBlank()) return config.key().get().trim();
        if (config.requireKey()) {
            throw new IllegalStateException("proxyfund.secrets.key is not set (PROXYFUND_SECRETS_KEY, from the k8s Secret "
                    + "ENCRYPTION_KEY): 32 random bytes in base64, e.g. `openssl rand -base64 32`.");
        }
        Path file = Path.of(config.keyFile());
        try {
            if (!Files.exists(file)) generate(file);
            String key = Files.readString(file, StandardCharsets.US_ASCII).trim();
            LOG.warnf("!!! proxyfund.secrets.key is not set: secrets at rest are encrypted with the generated key in %s. "
                    + "Back it up with the database, or set PROXYFUND_SECRETS_KEY in production: without this key the stored "
                    + "credentials cannot be read.", file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new IllegalStateException("No proxyfund.secrets.key configured and the key file " + file.toAbsolutePath()
                    + " cannot be read or created: " + e.getMessage(), e);
        }
    }

    /** Writes a new key to a temporary 0600 file, then links it into place: readers never see a half-written key. */
    private static void generate(Path file) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp;
        try {
            temp = Files.createTempFile(dir, ".secrets", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            temp = Files.createTempFile(dir, ".secrets", ".tmp");
        }
        try {
            Files.writeString(temp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException e) {
            // another process won the race; use its key
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static byte[] decodeKey(String base64, String setting) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " is not valid base64");
        }
        if (key.length != 32) throw new IllegalStateException(setting + " must be 32 bytes (base64), not " + key.length);
        return key;
    }
}
