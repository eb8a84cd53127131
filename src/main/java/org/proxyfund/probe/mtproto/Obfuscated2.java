package org.proxyfund.probe.mtproto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The client side of Telegram's obfuscated2 transport: the 64-byte random init header a client opens with, and the
 * AES-256-CTR keys both directions derive from it and the proxy secret. Public for relay/TelegramProof, which opens
 * a data centre as a client does.
 */
public final class Obfuscated2 {

    /** Length of the init header. */
    public static final int HEADER_BYTES = 64;
    /** Protocol tag of the padded intermediate transport, the one {@code dd} and {@code ee} secrets require. */
    public static final int TAG_PADDED_INTERMEDIATE = 0xdddddddd;
    /** Protocol tag of the plain intermediate transport. */
    public static final int TAG_INTERMEDIATE = 0xeeeeeeee;

    /** First words a header may not start with: they would read as another transport, HTTP or TLS. */
    private static final byte[][] FORBIDDEN_STARTS = {
            "HEAD".getBytes(StandardCharsets.US_ASCII), "POST".getBytes(StandardCharsets.US_ASCII),
            "GET ".getBytes(StandardCharsets.US_ASCII), "OPTI".getBytes(StandardCharsets.US_ASCII),
            {(byte) 0xdd, (byte) 0xdd, (byte) 0xdd, (byte) 0xdd}, {(byte) 0xee, (byte) 0xee, (byte) 0xee, (byte) 0xee},
            {0x16, 0x03, 0x01, 0x02}};

    /**
     * AES-256-CTR keys and counters of one connection, from the client's point of view.
     *
     * @param encryptKey key for what the client sends
     * @param encryptIv  initial counter for what the client sends
     * @param decryptKey key for what the client receives
     * @param decryptIv  initial counter for what the client receives
     */
    public record Keys(byte[] encryptKey, byte[] encryptIv, byte[] decryptKey, byte[] decryptIv) {
    }

    private Obfuscated2() {
    }

    /** A fresh random header carrying the protocol tag and DC id in its last 8 bytes (still in plain text here). */
    public static byte[] newHeader(SecureRandom random, int tag, short dcId) {
        byte[] header = new byte[HEADER_BYTES];
        do {
            random.nextBytes(header);
        } while (!isAllowedStart(header));
        writeIntLe(header, 56, tag);
        header[60] = (byte) dcId;
        header[61] = (byte) (dcId >> 8);
        return header;
    }

    /** True when a proxy cannot mistake the header for abridged, intermediate, HTTP, TLS or the unobfuscated full transport. */
    public static boolean isAllowedStart(byte[] header) {
        if ((header[0] & 0xFF) == 0xef) return false;
        for (byte[] start : FORBIDDEN_STARTS) {
            if (Arrays.equals(header, 0, 4, start, 0, 4)) return false;
        }
        return header[4] != 0 || header[5] != 0 || header[6] != 0 || header[7] != 0;
    }

    /**
     * Keys for a client header: sending uses SHA-256(header[8..40) || secret) with counter header[40..56); receiving
     * uses the same steps on header[8..56) reversed. Without a secret (proxy to DC) the raw 32 bytes are the key.
     */
    public static Keys clientKeys(byte[] header, byte[] secret) {
        byte[] reversed = Arrays.copyOfRange(header, 8, 56);
        for (int i = 0, j = reversed.length - 1; i < j; i++, j--) {
            byte t = reversed[i];
            reversed[i] = reversed[j];
            reversed[j] = t;
        }
        return new Keys(key(Arrays.copyOfRange(header, 8, 40), secret), Arrays.copyOfRange(header, 40, 56),
                key(Arrays.copyOfRange(reversed, 0, 32), secret), Arrays.copyOfRange(reversed, 32, 48));
    }

    private static byte[] key(byte[] material, byte[] secret) {
        if (secret == null) return material;
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(material);
            sha256.update(secret);
            return sha256.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    static void writeIntLe(byte[] buffer, int offset, int value) {
        for (int i = 0; i < 4; i++) buffer[offset + i] = (byte) (value >>> (8 * i));
    }

    static int readIntLe(byte[] buffer, int offset) {
        return (buffer[offset] & 0xFF) | (buffer[offset + 1] & 0xFF) << 8 | (buffer[offset + 2] & 0xFF) << 16
                | (buffer[offset + 3] & 0xFF) << 24;
    }
}
