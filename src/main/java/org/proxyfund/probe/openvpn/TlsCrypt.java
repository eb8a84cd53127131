package org.proxyfund.probe.openvpn;

import org.proxyfund.probe.wire.ByteParts;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * OpenVPN {@code tls-crypt}: control packets encrypted with AES-256-CTR and authenticated with HMAC-SHA256, keys from
 * the operator's static key. The direction is fixed: a client sends with the key's second half and reads with the
 * first. Wire form [op][session][packet id][time][tag][ciphertext]; the tag is the HMAC of everything before it plus
 * the plaintext, and its first 16 bytes are the CTR IV. Not thread-safe.
 */
final class TlsCrypt implements ControlWrap {

    private static final int TAG_BYTES = 32;
    private static final int HEADER_BYTES = 9 + ReplayId.BYTES;

    private final SecretKeySpec encryptKey;
    private final SecretKeySpec encryptMac;
    private final SecretKeySpec decryptKey;
    private final SecretKeySpec decryptMac;
    private final ReplayId replay = new ReplayId();

    /** @param staticKey 256 bytes of an "OpenVPN Static key V1" */
    public TlsCrypt(byte[] staticKey) {
        if (staticKey.length != 256) throw new IllegalArgumentException("an OpenVPN static key has 256 bytes");
        decryptKey = new SecretKeySpec(Arrays.copyOfRange(staticKey, 0, 32), "AES");
        decryptMac = new SecretKeySpec(Arrays.copyOfRange(staticKey, 64, 96), "HmacSHA256");
        encryptKey = new SecretKeySpec(Arrays.copyOfRange(staticKey, 128, 160), "AES");
        encryptMac = new SecretKeySpec(Arrays.copyOfRange(staticKey, 192, 224), "HmacSHA256");
    }

    @Override
    public int overhead() {
        return ReplayId.BYTES + TAG_BYTES;
    }

    @Override
    public byte[] wrap(byte[] plain) {
        byte[] header = ByteParts.concat(Arrays.copyOf(plain, 9), replay.next());
        byte[] body = Arrays.copyOfRange(plain, 9, plain.length);
        byte[] tag = hmac(encryptMac, ByteParts.concat(header, body));
        return ByteParts.concat(header, tag, ctr(encryptKey, tag, body));
    }

    @Override
    public byte[] unwrap(byte[] packet) {
        byte[] header = Arrays.copyOf(packet, HEADER_BYTES);
        byte[] tag = Arrays.copyOfRange(packet, HEADER_BYTES, HEADER_BYTES + TAG_BYTES);
        byte[] body = ctr(decryptKey, tag, Arrays.copyOfRange(packet, HEADER_BYTES + TAG_BYTES, packet.length));
        if (!MessageDigest.isEqual(hmac(decryptMac, ByteParts.concat(header, body)), tag)) return null;
        return ByteParts.concat(Arrays.copyOf(packet, 9), body);
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 missing from the JDK", e);
        }
    }

    private static byte[] ctr(SecretKeySpec key, byte[] tag, byte[] data) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(Arrays.copyOf(tag, 16)));
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CTR missing from the JDK", e);
        }
    }
}
