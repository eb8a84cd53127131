package org.proxyfund.probe.wireguard;


import org.bouncycastle.crypto.digests.Blake2sDigest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.math.ec.rfc7748.X25519;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * The primitives of WireGuard's Noise_IKpsk2_25519_ChaChaPoly_BLAKE2s as the whitepaper (section 5.4) defines them:
 * HASH = BLAKE2s-256, MAC = keyed BLAKE2s-128, HMAC = HMAC-BLAKE2s, KDF1..3, DH = X25519, AEAD = ChaCha20-Poly1305.
 */
final class Noise {

    /** Bytes of a key, a hash, a chaining key and an X25519 point. */
    public static final int KEY_BYTES = 32;
    /** Bytes of a Poly1305 tag. */
    public static final int TAG_BYTES = 16;
    /** Bytes of a mac1/mac2 or a cookie. */
    public static final int MAC_BYTES = 16;

    static final byte[] CONSTRUCTION = ascii("Noise_IKpsk2_25519_ChaChaPoly_BLAKE2s");
    static final byte[] IDENTIFIER = ascii("WireGuard v1 zx2c4 Jason@zx2c4.com");
    static final byte[] LABEL_MAC1 = ascii("mac1----");
    static final byte[] LABEL_COOKIE = ascii("cookie--");

    private static final byte[] INITIAL_CHAINING_KEY = hash(CONSTRUCTION);
    private static final byte[] INITIAL_HASH = hash(INITIAL_CHAINING_KEY, IDENTIFIER);

    private Noise() {
    }

    /** Ci = HASH(CONSTRUCTION), the chaining key every handshake starts from. */
    public static byte[] initialChainingKey() {
        return INITIAL_CHAINING_KEY.clone();
    }

    /** HASH(Ci || IDENTIFIER), the hash every handshake starts from (before mixing in the responder's key). */
    public static byte[] initialHash() {
        return INITIAL_HASH.clone();
    }

    /** BLAKE2s-256 of the concatenated parts. */
    public static byte[] hash(byte[]... parts) {
        Blake2sDigest digest = new Blake2sDigest(256);
        for (byte[] part : parts) digest.update(part, 0, part.length);
        byte[] out = new byte[KEY_BYTES];
        digest.doFinal(out, 0);
        return out;
    }

    /** MAC(key, input): keyed BLAKE2s with a 16-byte output, over the first {@code length} bytes of {@code input}. */
    public static byte[] mac(byte[] key, byte[] input, int length) {
        Blake2sDigest digest = new Blake2sDigest(key, MAC_BYTES, null, null);
        digest.update(input, 0, length);
        byte[] out = new byte[MAC_BYTES];
        digest.doFinal(out, 0);
        return out;
    }

    /** HMAC(key, input) with BLAKE2s-256 (64-byte block), as RFC 2104 builds it. */
    public static byte[] hmac(byte[] key, byte[]... parts) {
        HMac hmac = new HMac(new Blake2sDigest(256));
        hmac.init(new KeyParameter(key));
        for (byte[] part : parts) hmac.update(part, 0, part.length);
        byte[] out = new byte[KEY_BYTES];
        hmac.doFinal(out, 0);
        return out;
    }

    /** KDFn(key, input): τ0 = HMAC(key, input), τi = HMAC(τ0, τ(i-1) || i); returns τ1..τn. */
    public static byte[][] kdf(int n, byte[] key, byte[] input) {
        byte[] t0 = hmac(key, input);
        byte[][] out = new byte[n][];
        byte[] previous = new byte[0];
        for (int i = 0; i < n; i++) {
            previous = hmac(t0, previous, new byte[]{(byte) (i + 1)});
            out[i] = previous;
        }
        return out;
    }

    /** The X25519 public key of a private key. */
    public static byte[] publicKey(byte[] privateKey) {
        byte[] pub = new byte[KEY_BYTES];
        X25519.generatePublicKey(privateKey, 0, pub, 0);
        return pub;
    }

    /** DH(private, public) = X25519; refuses a low-order public key (all-zero shared secret), as WireGuard does. */
    public static byte[] dh(byte[] privateKey, byte[] publicKey) {
        byte[] shared = new byte[KEY_BYTES];
        if (!X25519.calculateAgreement(privateKey, 0, publicKey, 0, shared, 0)) {
            throw new IllegalArgumentException("X25519 with a low-order public key");
        }
        return shared;
    }

    /** AEAD(key, 0, plain, aad): ChaCha20-Poly1305 with counter 0, the only counter a handshake message uses. */
    public static byte[] seal(byte[] key, byte[] plain, byte[] aad) {
        try {
            return chacha(Cipher.ENCRYPT_MODE, key, new byte[12], plain, aad);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ChaCha20-Poly1305 unavailable", e);
        }
    }

    /** Opens what {@link #seal} made; null when the tag does not authenticate. */
    public static byte[] open(byte[] key, byte[] sealed, byte[] aad) {
        return open(key, new byte[12], sealed, aad);
    }

    /** ChaCha20-Poly1305 decryption with an explicit 12-byte nonce; null when the tag does not authenticate. */
    static byte[] open(byte[] key, byte[] nonce, byte[] sealed, byte[] aad) {
        try {
            return chacha(Cipher.DECRYPT_MODE, key, nonce, sealed, aad);
        } catch (AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ChaCha20-Poly1305 unavailable", e);
        }
    }

    private static byte[] chacha(int mode, byte[] key, byte[] nonce, byte[] input, byte[] aad) throws GeneralSecurityException {
        // A fresh Cipher each time: the JDK refuses to re-initialise one for encryption with the same key and nonce.
        Cipher cipher = Cipher.getInstance("ChaCha20-Poly1305");
        cipher.init(mode, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
        cipher.updateAAD(aad);
        return cipher.doFinal(input);
    }

    /** Constant-time comparison of a MAC with bytes of a message. */
    static boolean macEquals(byte[] expected, byte[] message, int offset) {
        return java.security.MessageDigest.isEqual(expected, Arrays.copyOfRange(message, offset, offset + expected.length));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
