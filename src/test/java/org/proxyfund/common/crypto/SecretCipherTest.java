package org.proxyfund.common.crypto;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Arrays;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AES-256-GCM secrets at rest: round trip, tamper detection, context binding, rotation, key file. */
@PlainLane
class SecretCipherTest {

    static String newKey() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }

    private final String key = newKey();
    private final SecretCipher cipher = new SecretCipher(key, List.of());

    @Test
    void shouldDeriveTheSameKeyPerPurposeOnEveryReplicaAndDifferentOnesPerPurposeAndKey() {
        SecretCipher otherReplica = new SecretCipher(key, List.of());
        assertArrayEquals(cipher.deriveKey("probe canary"), otherReplica.deriveKey("probe canary"));
        assertEquals(32, cipher.deriveKey("probe canary").length);
        assertFalse(Arrays.equals(cipher.deriveKey("probe canary"), cipher.deriveKey("something else")));
        assertFalse(Arrays.equals(cipher.deriveKey("probe canary"), new SecretCipher(newKey(), List.of()).deriveKey("probe canary")));
    }

    @Test
    void shouldRoundTripSecretsWithAFreshNonceEachTime() {
        String secret = "pf-socks:pässwörd/∆";
        String a = cipher.encrypt(secret);
        String b = cipher.encrypt(secret);
        assertNotEquals(a, b, "same plaintext must not give the same ciphertext");
        assertTrue(a.startsWith("v1:" + cipher.currentKeyId() + ":"), a);
        assertFalse(a.contains("pf-socks"));
        assertEquals(secret, cipher.decrypt(a));
        assertEquals(secret, cipher.decrypt(b));
        assertEquals("", cipher.decrypt(cipher.encrypt("")));
    }

    @Test
    void shouldDetectEveryFlippedByte() {
        String stored = cipher.encrypt("wireguard-private-key");
        String prefix = stored.substring(0, stored.lastIndexOf(':') + 1);
        byte[] data = Base64.getDecoder().decode(stored.substring(prefix.length()));
        for (int i = 0; i < data.length; i++) {
            byte[] tampered = data.clone();
            tampered[i] ^= 0x01;
            String bad = prefix + Base64.getEncoder().encodeToString(tampered);
            assertThrows(SecretCipherException.class, () -> cipher.decrypt(bad), "byte " + i);
        }
        assertThrows(SecretCipherException.class, () -> cipher.decrypt(stored.substring(0, stored.length() - 8)));
        assertThrows(SecretCipherException.class, () -> cipher.decrypt("plain text"));
    }

    @Test
    void shouldBindTheContextSoCiphertextsCannotMoveBetweenRows() {
        String stored = cipher.encrypt("secret of endpoint 1", "endpoint:1");
        assertEquals("secret of endpoint 1", cipher.decrypt(stored, "endpoint:1"));
        assertThrows(SecretCipherException.class, () -> cipher.decrypt(stored, "endpoint:2"));
        assertThrows(SecretCipherException.class, () -> cipher.decrypt(stored));
    }

    @Test
    void shouldDecryptWithPreviousKeysAndEncryptWithTheCurrentOne() {
        String old = cipher.encrypt("written before rotation");
        SecretCipher rotated = new SecretCipher(newKey(), List.of(key));
        assertEquals("written before rotation", rotated.decrypt(old));
        assertTrue(rotated.needsReencryption(old));
        String fresh = rotated.encrypt("written before rotation");
        assertFalse(rotated.needsReencryption(fresh));
        assertTrue(fresh.contains(rotated.currentKeyId()));
        SecretCipherException e = assertThrows(SecretCipherException.class, () -> cipher.decrypt(fresh));
        assertTrue(e.getMessage().contains(rotated.currentKeyId()), e.getMessage());
    }

    @Test
    void shouldRefuseKeysOfTheWrongSize() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new SecretCipher(shortKey, List.of()));
        assertTrue(e.getMessage().contains("32 bytes"), e.getMessage());
    }

    @Test
    void shouldGenerateAKeyFileOnceWithOwnerOnlyPermissions(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/secrets.key");
        SecretCipher first = new SecretCipher(config(Optional.empty(), file, false));
        assertTrue(Files.exists(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String stored = first.encrypt("kept across restarts");
        SecretCipher second = new SecretCipher(config(Optional.empty(), file, false));
        assertEquals("kept across restarts", second.decrypt(stored));
    }

    @Test
    void shouldRefuseToStartWithoutAKeyWhenOneIsRequired(@TempDir Path dir) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new SecretCipher(config(Optional.empty(), dir.resolve("k"), true)));
        assertTrue(e.getMessage().contains("PROXYFUND_SECRETS_KEY"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("k")));
        assertEquals(key.length(), new SecretCipher(config(Optional.of(key), dir.resolve("k"), true)).decrypt(cipher.encrypt(key)).length());
    }

    private static SecretsConfig config(Optional<String> key, Path file, boolean required) {
        return new SecretsConfig() {
            public Optional<String> key() { return key; }
            public Optional<List<String>> previousKeys() { return Optional.empty(); }
            public String keyFile() { return file.toString(); }
            public boolean requireKey() { return required; }
        };
    }
}
