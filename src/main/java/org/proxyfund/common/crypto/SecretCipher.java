package org.proxyfund.common.crypto;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encrypts secrets at rest with AES-256-GCM. Output: {@code v1:<key id>:<base64(nonce | ciphertext | tag)>}; the key id
 * (first 4 bytes of SHA-256 of the key, hex) picks the key on decryption, so rotated-out keys keep working for reading.
 * An optional context string (e.g. "endpoint:42:credential") is bound as associated data: a ciphertext moved to
 * another row fails to decrypt.
 */
@ApplicationScoped
@Startup // a missing or malformed key stops the service at start, not at the first secret it touches
public class SecretCipher {

    private static final String PREFIX = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final String currentId;
    private final Map<String, SecretKeySpec> keys;

    @Inject
    public SecretCipher(SecretsConfig config) {
        this(SecretKeyLoader.currentKey(config), config.previousKeys().orElse(List.of()));
    }

    /** For tools and tests: a cipher over explicit keys (base64 of 32 bytes each). */
    public SecretCipher(String currentKeyBase64, List<String> previousKeysBase64) {
        Map<String, SecretKeySpec> all = new LinkedHashMap<>();
        byte[] current = SecretKeyLoader.decodeKey(currentKeyBase64, "proxyfund.secrets.key");
        this.currentId = keyId(current);
        all.put(currentId, new SecretKeySpec(current, "AES"));
        for (String previous : previousKeysBase64) {
            byte[] k = SecretKeyLoader.decodeKey(previous, "proxyfund.secrets.previous-keys");
            all.putIfAbsent(keyId(k), new SecretKeySpec(k, "AES"));
        }
        this.keys = Map.copyOf(all);
    }

    /** Encrypts with the current key and no context. */
    public String encrypt(String plaintext) {
        return encrypt(plaintext, "");
    }

    /** Encrypts with the current key, binding the context as associated data. */
    public String encrypt(String plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(currentId, context));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return PREFIX + ":" + currentId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** Decrypts a value written by {@link #encrypt(String)}. */
    public String decrypt(String stored) {
        return decrypt(stored, "");
    }

    /** Decrypts a value written by {@link #encrypt(String, String)} with the same context. */
    public String decrypt(String stored, String context) {
        String[] parts = stored == null ? new String[0] : stored.split(":", 3);
        if (parts.length != 3 || !PREFIX.equals(parts[0])) {
            throw new SecretCipherException("Not an encrypted secret (expected v1:<key id>:<data>)");
        }
        SecretKeySpec key = keys.get(parts[1]);
        if (key == null) {
            throw new SecretCipherException("Secret was encrypted with key " + parts[1]
                    + ", which is neither proxyfund.secrets.key nor in proxyfund.secrets.previous-keys");
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new SecretCipherException("Encrypted secret is not valid base64", e);
        }
        if (data.length < NONCE_BYTES + TAG_BITS / 8) throw new SecretCipherException("Encrypted secret is truncated");
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
            cipher.updateAAD(aad(parts[1], context));
            byte[] plain = cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SecretCipherException("Encrypted secret failed authentication: tampered, or wrong context", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** True when the value was encrypted with an older key and should be re-encrypted with the current one. */
    public boolean needsReencryption(String stored) {
        String[] parts = stored.split(":", 3);
        return parts.length == 3 && !currentId.equals(parts[1]);
    }

    /**
     * A 32-byte key for another purpose (e.g. the canary's MAC key), derived from the current key with HMAC-SHA256,
     * so every replica configured with the same secrets key derives the same one and the secrets key never leaves here.
     */
    public byte[] deriveKey(String purpose) {
        try {
            javax.crypto.Mac hmac = javax.crypto.Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(keys.get(currentId).getEncoded(), "HmacSHA256"));
            return hmac.doFinal(("proxyfund derived key v1:" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The id of the current key (not secret: a truncated hash). */
    public String currentKeyId() {
        return currentId;
    }

    private static byte[] aad(String keyId, String context) {
        return (PREFIX + ":" + keyId + ":" + context).getBytes(StandardCharsets.UTF_8);
    }

    static String keyId(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "SecretCipher[currentKeyId=" + currentId + ", keys=" + keys.size() + "]";
    }
}
