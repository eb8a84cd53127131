package org.proxyfund.probe.openvpn;

import org.proxyfund.probe.wire.ByteParts;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * OpenVPN {@code tls-auth}: an HMAC over every control packet with keys from the operator's static key. The 256-byte
 * key holds two (64 cipher + 64 HMAC) halves; with {@code key-direction 1} a client signs with the second half and
 * checks the server with the first, with 0 the reverse, and without a direction both use the first. Not thread-safe.
 */
final class TlsAuth implements ControlWrap {

    private final String algorithm;
    private final byte[] outgoingKey;
    private final byte[] incomingKey;
    private final ReplayId replay = new ReplayId();

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

    @Override
    public int overhead() {
        return outgoingKey.length + ReplayId.BYTES;
    }

    /** [op][session][HMAC][packet id][time][rest]; the HMAC covers packet id, time, op, session and rest (swap_hmac order). */
    @Override
    public byte[] wrap(byte[] plain) {
        byte[] replayId = replay.next();
        byte[] hmac = mac(outgoingKey, ByteParts.concat(replayId, plain));
        return ByteParts.concat(Arrays.copyOf(plain, 9), hmac, replayId, Arrays.copyOfRange(plain, 9, plain.length));
    }

    @Override
    public byte[] unwrap(byte[] packet) {
        int macBytes = incomingKey.length;
        byte[] hmac = Arrays.copyOfRange(packet, 9, 9 + macBytes);
        byte[] replayId = Arrays.copyOfRange(packet, 9 + macBytes, 9 + macBytes + ReplayId.BYTES);
        byte[] plain = ByteParts.concat(Arrays.copyOf(packet, 9), Arrays.copyOfRange(packet, 9 + macBytes + ReplayId.BYTES, packet.length));
        return MessageDigest.isEqual(mac(incomingKey, ByteParts.concat(replayId, plain)), hmac) ? plain : null;
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
