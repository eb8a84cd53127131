package org.proxyfund.probe.shadowsocks;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The Shadowsocks AEAD ciphers the monitor speaks, with their key and salt sizes (shadowsocks.org, "AEAD ciphers"). */
enum AeadCipherKind {
    CHACHA20_IETF_POLY1305("chacha20-ietf-poly1305", 32, "ChaCha20-Poly1305", "ChaCha20"),
    AES_256_GCM("aes-256-gcm", 32, "AES/GCM/NoPadding", "AES"),
    AES_128_GCM("aes-128-gcm", 16, "AES/GCM/NoPadding", "AES");

    /** Every AEAD cipher here has a 16-byte tag and a 12-byte nonce. */
    public static final int TAG_BYTES = 16;
    static final int NONCE_BYTES = 12;

    private final String specName;
    private final int keyBytes;
    final String transformation;
    final String keyAlgorithm;

    AeadCipherKind(String specName, int keyBytes, String transformation, String keyAlgorithm) {
        this.specName = specName;
        this.keyBytes = keyBytes;
        this.transformation = transformation;
        this.keyAlgorithm = keyAlgorithm;
    }

    /** The cipher with this Shadowsocks name (as in ss-server's {@code -m}), case-insensitive. */
    public static Optional<AeadCipherKind> byName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.specName.equals(wanted)).findFirst();
    }

    /** The name Shadowsocks servers use for this cipher. */
    public String specName() {
        return specName;
    }

    /** Master key and subkey length. */
    public int keyBytes() {
        return keyBytes;
    }

    /** The salt is as long as the key. */
    public int saltBytes() {
        return keyBytes;
    }
}
