package org.proxyfund.probe.mtproto;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

import static org.proxyfund.probe.wire.ByteParts.concat;
import static org.proxyfund.probe.wire.ByteParts.sha1;
import static org.proxyfund.probe.wire.ByteParts.sha256;

/**
 * The test data centre's side of req_DH_params, written from the spec on its own (not with the checker's helpers):
 * an RSA key made at test time, RSA_PAD undone, and a server_DH_params_ok encrypted with keys from the client's new_nonce.
 */
public final class TestDhResponder {

    private static final RSAPublicKey PUBLIC;
    private static final RSAPrivateKey PRIVATE;

    static {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            PUBLIC = (RSAPublicKey) pair.getPublic();
            PRIVATE = (RSAPrivateKey) pair.getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private final SecureRandom random = new SecureRandom();

    private TestDhResponder() {
    }

    /** The test key as the checker's configuration takes it: base64 of PKCS#1 DER. */
    public static String publicKeyBase64() {
        try {
            return Base64.getEncoder().encodeToString(new org.bouncycastle.asn1.pkcs.RSAPublicKey(PUBLIC.getModulus(),
                    PUBLIC.getPublicExponent()).getEncoded());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Low 64 bits of SHA-1 over rsa_public_key n:string e:string. */
    public static long fingerprint() {
        byte[] sha1 = sha1(tlString(magnitude(PUBLIC.getModulus())), tlString(magnitude(PUBLIC.getPublicExponent())));
        return ByteBuffer.wrap(sha1, 12, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    static TestDhResponder create() {
        return new TestDhResponder();
    }

    /**
     * The server_DH_params_ok message for an unencrypted req_DH_params (whole message body), or null when it is not
     * one for this nonce, server nonce and pq (a real DC would drop the connection).
     */
    byte[] answer(byte[] message, byte[] nonce, byte[] serverNonce, BigInteger pq) {
        ByteBuffer in = ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN);
        in.position(20);
        if (in.getInt() != 0xd712e4be) return null;
        byte[] nonces = new byte[32];
        in.get(nonces);
        if (!Arrays.equals(nonces, concat(nonce, serverNonce))) return null;
        BigInteger p = new BigInteger(1, readString(in));
        BigInteger q = new BigInteger(1, readString(in));
        if (!p.multiply(q).equals(pq) || in.getLong() != fingerprint()) return null;
        byte[] inner = unpad(readString(in));
        if (inner == null) return null;
        ByteBuffer data = ByteBuffer.wrap(inner).order(ByteOrder.LITTLE_ENDIAN);
        if (data.getInt() != 0xa9f55f95) return null;
        readString(data);
        readString(data);
        readString(data);
        byte[] echoed = new byte[32];
        data.get(echoed);
        if (!Arrays.equals(echoed, concat(nonce, serverNonce))) return null;
        byte[] newNonce = new byte[32];
        data.get(newNonce);
        byte[] answer = concat(le(0xb5890dba), nonce, serverNonce, le(3), tlString(randomBytes(256)), tlString(randomBytes(256)),
                le((int) (System.currentTimeMillis() / 1000)));
        byte[] withHash = concat(sha1(answer), answer);
        withHash = concat(withHash, randomBytes((16 - withHash.length % 16) % 16));
        byte[] sn = sha1(serverNonce, newNonce);
        byte[] key = concat(sha1(newNonce, serverNonce), Arrays.copyOf(sn, 12));
        byte[] iv = concat(Arrays.copyOfRange(sn, 12, 20), sha1(newNonce, newNonce), Arrays.copyOf(newNonce, 4));
        return serverDhParamsOk(nonce, serverNonce, ige(withHash, key, iv));
    }

    /** What an impostor without the private key can send: the right frame with an answer it cannot have encrypted. */
    byte[] forgedAnswer(byte[] nonce, byte[] serverNonce) {
        return serverDhParamsOk(nonce, serverNonce, randomBytes(592));
    }

    private static byte[] serverDhParamsOk(byte[] nonce, byte[] serverNonce, byte[] encryptedAnswer) {
        byte[] body = concat(le(0xd0e8075c), nonce, serverNonce, tlString(encryptedAnswer));
        long messageId = (System.currentTimeMillis() / 1000) << 32 | 5;
        return concat(new byte[8], ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(messageId).array(), le(body.length), body);
    }

    /** RSA decrypt, unmask the temporary key, AES-IGE decrypt with iv 0, check the SHA-256, reverse, return the data. */
    private static byte[] unpad(byte[] encrypted) {
        byte[] full;
        try {
            Cipher rsa = Cipher.getInstance("RSA/ECB/NoPadding");
            rsa.init(Cipher.DECRYPT_MODE, PRIVATE);
            byte[] block = rsa.doFinal(encrypted);
            full = new byte[256];
            System.arraycopy(block, 0, full, 256 - block.length, block.length);
        } catch (GeneralSecurityException e) {
            return null;
        }
        byte[] aesEncrypted = Arrays.copyOfRange(full, 32, 256);
        byte[] mask = sha256(aesEncrypted);
        byte[] tempKey = new byte[32];
        for (int i = 0; i < 32; i++) tempKey[i] = (byte) (full[i] ^ mask[i]);
        byte[] withHash = igeDecrypt(aesEncrypted, tempKey, new byte[32]);
        byte[] padded = new byte[192];
        for (int i = 0; i < 192; i++) padded[i] = withHash[191 - i];
        return Arrays.equals(Arrays.copyOfRange(withHash, 192, 224), sha256(tempKey, padded)) ? padded : null;
    }

    private static byte[] ige(byte[] plain, byte[] key, byte[] iv) {
        byte[] x = Arrays.copyOf(iv, 16);
        byte[] y = Arrays.copyOfRange(iv, 16, 32);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < plain.length; i += 16) {
            byte[] p = Arrays.copyOfRange(plain, i, i + 16);
            byte[] c = xor(aes(xor(p, x), key, Cipher.ENCRYPT_MODE), y);
            out.writeBytes(c);
            x = c;
            y = p;
        }
        return out.toByteArray();
    }

    private static byte[] igeDecrypt(byte[] cipherText, byte[] key, byte[] iv) {
        byte[] x = Arrays.copyOf(iv, 16);
        byte[] y = Arrays.copyOfRange(iv, 16, 32);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < cipherText.length; i += 16) {
            byte[] c = Arrays.copyOfRange(cipherText, i, i + 16);
            byte[] p = xor(aes(xor(c, y), key, Cipher.DECRYPT_MODE), x);
            out.writeBytes(p);
            x = c;
            y = p;
        }
        return out.toByteArray();
    }

    private static byte[] aes(byte[] block, byte[] key, int mode) {
        try {
            Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(mode, new SecretKeySpec(key, "AES"));
            return aes.doFinal(block);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] xor(byte[] a, byte[] b) {
        byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) out[i] = (byte) (a[i] ^ b[i]);
        return out;
    }

    private static byte[] readString(ByteBuffer in) {
        int first = in.get() & 0xFF;
        int length = first < 254 ? first : (in.get() & 0xFF) | (in.get() & 0xFF) << 8 | (in.get() & 0xFF) << 16;
        int header = first < 254 ? 1 : 4;
        byte[] bytes = new byte[length];
        in.get(bytes);
        in.position(in.position() + (4 - (header + length) % 4) % 4);
        return bytes;
    }

    private static byte[] tlString(byte[] bytes) {
        byte[] head = bytes.length < 254 ? new byte[]{(byte) bytes.length}
                : new byte[]{(byte) 254, (byte) bytes.length, (byte) (bytes.length >> 8), (byte) (bytes.length >> 16)};
        return concat(head, bytes, new byte[(4 - (head.length + bytes.length) % 4) % 4]);
    }

    private static byte[] magnitude(BigInteger value) {
        byte[] b = value.toByteArray();
        return b[0] == 0 && b.length > 1 ? Arrays.copyOfRange(b, 1, b.length) : b;
    }

    private static byte[] le(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
