package org.proxyfund.probe.shadowsocks;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.spec.AlgorithmParameterSpec;

/**
 * One direction of a Shadowsocks AEAD session: the subkey and a 12-byte little-endian nonce counter that goes up by
 * one after every seal or open (the length and the payload of a chunk each use one). Not thread-safe.
 */
final class AeadSession {

    private final AeadCipherKind kind;
    private final SecretKeySpec key;
    private final byte[] nonce = new byte[AeadCipherKind.NONCE_BYTES];
    private final Cipher cipher;

    /** A session with the subkey derived from the master key and this direction's salt. */
    public AeadSession(AeadCipherKind kind, byte[] masterKey, byte[] salt) {
        this.kind = kind;
        this.key = new SecretKeySpec(ShadowsocksKeys.subkey(masterKey, salt), kind.keyAlgorithm);
        try {
            this.cipher = Cipher.getInstance(kind.transformation);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(kind.specName() + " missing from the JDK", e);
        }
    }

    /** Encrypts and appends the tag. */
    public byte[] seal(byte[] plain, int offset, int length) {
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, parameters());
            return cipher.doFinal(plain, offset, length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AEAD encryption failed", e);
        } finally {
            increment();
        }
    }

    /** Decrypts ciphertext with its tag; throws AEADBadTagException when it was not sealed with this key and nonce. */
    public byte[] open(byte[] sealed) throws AEADBadTagException {
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, parameters());
            return cipher.doFinal(sealed);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AEAD decryption failed", e);
        } finally {
            increment();
        }
    }

    private AlgorithmParameterSpec parameters() {
        byte[] copy = nonce.clone();
        return kind == AeadCipherKind.CHACHA20_IETF_POLY1305
                ? new IvParameterSpec(copy) : new GCMParameterSpec(AeadCipherKind.TAG_BYTES * 8, copy);
    }

    private void increment() {
        for (int i = 0; i < nonce.length && ++nonce[i] == 0; i++) {
            // carry into the next byte
        }
    }
}
