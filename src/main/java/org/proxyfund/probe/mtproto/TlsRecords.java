package org.proxyfund.probe.mtproto;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

/** TLS record helpers for fake TLS: reading records, and checking that the server's hello carries our secret's HMAC. */
final class TlsRecords {

    /** Record type of a handshake message. */
    public static final int HANDSHAKE = 0x16;
    /** Record type of ChangeCipherSpec. */
    public static final int CHANGE_CIPHER_SPEC = 0x14;
    /** Record type of an alert. */
    public static final int ALERT = 0x15;
    /** Record type of application data, the one that carries the obfuscated2 stream. */
    public static final int APPLICATION_DATA = 0x17;
    /** The dummy ChangeCipherSpec record both sides send. */
    public static final byte[] CHANGE_CIPHER_SPEC_RECORD = {0x14, 0x03, 0x03, 0x00, 0x01, 0x01};
    /** Largest record payload TLS allows (2^14 plus the room TLS 1.3 gives ciphertext). */
    public static final int MAX_PAYLOAD = 16384 + 256;

    /** The random a TLS 1.3 server puts in a HelloRetryRequest (RFC 8446, 4.1.3). */
    private static final byte[] HELLO_RETRY_RANDOM = java.util.HexFormat.of()
            .parseHex("cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c");

    /** How the server answered our ClientHello. */
    public enum Reply {
        /** A proxy that knows our secret: the server random is the HMAC we expect. */
        OUR_SECRET,
        /** TLS, but not carrying our HMAC: a plain TLS server (e.g. the fronted domain), so the secret is not configured. */
        NOT_OUR_SECRET
    }

    private TlsRecords() {
    }

    /** HMAC-SHA256 with the 16-byte secret as key. */
    public static byte[] hmac(byte[] secret, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            for (byte[] part : parts) mac.update(part);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    /** One whole record (5-byte header and payload); EOFException if cut short, ProtocolException if not TLS. */
    public static byte[] readRecord(InputStream in) throws IOException {
        byte[] header = in.readNBytes(5);
        if (header.length < 5) throw new EOFException("the connection closed during a TLS record header");
        int type = header[0] & 0xFF;
        if (type < CHANGE_CIPHER_SPEC || type > APPLICATION_DATA || header[1] != 3 || header[2] > 4) {
            throw new ProtocolException("the reply is not TLS");
        }
        int length = (header[3] & 0xFF) << 8 | header[4] & 0xFF;
        if (length > MAX_PAYLOAD + 2048) throw new ProtocolException("a TLS record of " + length + " bytes");
        byte[] payload = in.readNBytes(length);
        if (payload.length < length) throw new EOFException("the connection closed inside a TLS record");
        byte[] record = Arrays.copyOf(header, 5 + length);
        System.arraycopy(payload, 0, record, 5, length);
        return record;
    }

    /**
     * Reads the server's answer to our ClientHello (ServerHello, ChangeCipherSpec, ApplicationData) and checks that its
     * random is HMAC-SHA256(secret, client random || the answer with that random zeroed). An alert, a HelloRetryRequest
     * or any other well-formed TLS answer is a plain TLS server speaking.
     */
    public static Reply readServerReply(InputStream in, byte[] secret, byte[] clientRandom) throws IOException {
        byte[] hello = readRecord(in);
        if (hello[0] == ALERT) return Reply.NOT_OUR_SECRET;
        if (hello[0] != HANDSHAKE || hello.length < 5 + 4 + 2 + FakeTlsHello.RANDOM_BYTES || hello[5] != 2) {
            throw new ProtocolException("the reply to our ClientHello is not a ServerHello");
        }
        byte[] serverRandom = Arrays.copyOfRange(hello, FakeTlsHello.RANDOM_OFFSET, FakeTlsHello.RANDOM_OFFSET + FakeTlsHello.RANDOM_BYTES);
        if (Arrays.equals(serverRandom, HELLO_RETRY_RANDOM)) return Reply.NOT_OUR_SECRET;
        byte[] changeCipherSpec = readRecord(in);
        if (!Arrays.equals(changeCipherSpec, CHANGE_CIPHER_SPEC_RECORD)) return Reply.NOT_OUR_SECRET;
        byte[] data = readRecord(in);
        if (data[0] != APPLICATION_DATA) return Reply.NOT_OUR_SECRET;
        Arrays.fill(hello, FakeTlsHello.RANDOM_OFFSET, FakeTlsHello.RANDOM_OFFSET + FakeTlsHello.RANDOM_BYTES, (byte) 0);
        byte[] expected = hmac(secret, clientRandom, hello, changeCipherSpec, data);
        return MessageDigest.isEqual(expected, serverRandom) ? Reply.OUR_SECRET : Reply.NOT_OUR_SECRET;
    }

    /** Wraps bytes into ApplicationData records of at most 2^14 bytes each. */
    public static byte[] applicationData(byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 5 * (payload.length / 16384 + 1));
        int offset = 0;
        do {
            int n = Math.min(16384, payload.length - offset);
            out.write(APPLICATION_DATA);
            out.write(3);
            out.write(3);
            out.write(n >>> 8);
            out.write(n);
            out.write(payload, offset, n);
            offset += n;
        } while (offset < payload.length);
        return out.toByteArray();
    }
}
