package org.proxyfund.probe.shadowsocks;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

/** Shadowsocks key derivation: the master key from the password (EVP_BytesToKey, MD5) and per-session subkeys (HKDF-SHA1). */
final class ShadowsocksKeys {

    private static final byte[] SUBKEY_INFO = "ss-subkey".getBytes(StandardCharsets.US_ASCII);

    private ShadowsocksKeys() {
    }

    /** OpenSSL's EVP_BytesToKey with MD5, one iteration, no salt: D1 = MD5(pw), Di = MD5(Di-1 || pw). */
    public static byte[] masterKey(String password, int keyBytes) {
        byte[] pw = password.getBytes(StandardCharsets.UTF_8);
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            ByteArrayOutputStream key = new ByteArrayOutputStream();
            byte[] previous = new byte[0];
            while (key.size() < keyBytes) {
                md5.update(previous);
                previous = md5.digest(pw);
                key.writeBytes(previous);
            }
            return Arrays.copyOf(key.toByteArray(), keyBytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 missing from the JDK", e);
        }
    }

    /** HKDF-SHA1 (RFC 5869) of the master key with the session salt and info "ss-subkey". */
    public static byte[] subkey(byte[] masterKey, byte[] salt) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA1");
            hmac.init(new SecretKeySpec(salt, "HmacSHA1"));
            byte[] prk = hmac.doFinal(masterKey);
            hmac.init(new SecretKeySpec(prk, "HmacSHA1"));
            ByteArrayOutputStream okm = new ByteArrayOutputStream();
            byte[] block = new byte[0];
            for (int i = 1; okm.size() < masterKey.length; i++) {
                hmac.update(block);
                hmac.update(SUBKEY_INFO);
                hmac.update((byte) i);
                block = hmac.doFinal();
                okm.writeBytes(block);
            }
            return Arrays.copyOf(okm.toByteArray(), masterKey.length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 missing from the JDK", e);
        }
    }
}
