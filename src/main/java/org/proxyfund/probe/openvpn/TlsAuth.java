package org.proxyfund.probe.openvpn;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;

/**
 * OpenVPN {@code tls-auth}: an HMAC over every control packet with keys from the operator's static key. The 256-byte
 * key holds two (64 cipher + 64 HMAC) halves; with {@code key-direction 1} a client signs with the second half and
 * checks the server with the first, with 0 the reverse, and without a direction both use the first.
 */
public final class TlsAuth {

    private final String algorithm;
    private final byte[] outgoingKey;
    private final byte[] incomingKey;

    private TlsAuth(String algorithm, byte[] outgoingKey, byte[] incomingKey) {
        this.algorithm = algorithm;
        this.outgoingKey = outgoingKey;
        this.incomingKey = incomingKey;
    }

    /**
     * @param staticKey 256 bytes of an "OpenVPN Static key V1"
     * @param direction "1", "0" or "none", as the client's {@code key-direction}
     * @param digest    SHA1, SHA256, SHA384 or SHA512, as the server's {@code auth}
     */
    public static TlsAuth of(byte[] staticKey, String direction, String digest) {
        if (staticKey.length != 256) throw new IllegalArgumentException("an OpenVPN static key has 256 bytes");
        String algorithm = "Hmac" + digest.toUpperCase(Locale.ROOT).replace("-", "");
        int length = macLength(algorithm);
        byte[] first = Arrays.copyOfRange(staticKey, 64, 64 + length);
        byte[] second = Arrays.copyOfRange(staticKey, 192, 192 + length);
        return switch (direction) {
            case "1" -> new TlsAuth(algorithm, second, first);
            case "0" -> new TlsAuth(algorithm, first, second);
            case "none" -> new TlsAuth(algorithm, first, first);
            default -> throw new IllegalArgumentException("key direction must be 0, 1 or none: " + direction);
        };
    }

    /** Bytes in one HMAC. */
    public int macBytes() {
        return macLength(algorithm);
    }

    byte[] sign(byte[] data) {
        return mac(outgoingKey, data);
    }

    boolean verifies(byte[] data, byte[] hmac) {
        return MessageDigest.isEqual(mac(incomingKey, data), hmac);
    }

    private byte[] mac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " missing from the JDK", e);
        }
    }

    private static int macLength(String algorithm) {
        try {
            return Mac.getInstance(algorithm).getMacLength();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("unsupported OpenVPN auth digest: " + algorithm.substring(4), e);
        }
    }
}
