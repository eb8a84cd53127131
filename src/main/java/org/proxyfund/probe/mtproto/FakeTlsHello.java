package org.proxyfund.probe.mtproto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * The ClientHello of MTProto's fake-TLS transport: a record shaped like a browser's TLS 1.3 ClientHello, 517 bytes as
 * Telegram clients send (proxies such as MTProxy expect the record to start 16 03 01 02), SNI = the fronted domain.
 * Its 32-byte random is HMAC-SHA256(secret, record with the random zeroed), last 4 bytes XOR the unix time.
 */
final class FakeTlsHello {

    /** Offset of the 32-byte random in the record (5 record header + 4 handshake header + 2 version). */
    public static final int RANDOM_OFFSET = 11;
    /** Bytes in the random. */
    public static final int RANDOM_BYTES = 32;
    /** Length Telegram clients give the whole record. */
    public static final int RECORD_BYTES = 517;

    private static final int[] CIPHER_SUITES = {0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f, 0xc02c, 0xc030, 0xcca9, 0xcca8,
            0xc013, 0xc014, 0x009c, 0x009d, 0x002f, 0x0035};

    private FakeTlsHello() {
    }

    /** The record to send, its random already carrying the HMAC and the time. */
    public static byte[] build(byte[] secret, String domain, long unixSeconds, SecureRandom random) {
        byte[] record = unsigned(domain, random);
        byte[] digest = TlsRecords.hmac(secret, record);
        int time = (int) unixSeconds;
        for (int i = 0; i < 4; i++) digest[28 + i] ^= (byte) (time >>> (8 * i));
        System.arraycopy(digest, 0, record, RANDOM_OFFSET, RANDOM_BYTES);
        return record;
    }

    /** The record with a zero random. */
    private static byte[] unsigned(String domain, SecureRandom random) {
        byte[] name = domain.getBytes(StandardCharsets.US_ASCII);
        int nibble = random.nextInt(16);
        int grease = 0x0a0a | nibble << 12 | nibble << 4;
        Writer ext = new Writer();
        ext.u16(grease).u16(0);
        ext.u16(0x0000).u16(name.length + 5).u16(name.length + 3).u8(0).u16(name.length).bytes(name);
        ext.u16(0x0017).u16(0);
        ext.u16(0xff01).u16(1).u8(0);
        ext.u16(0x000a).u16(10).u16(8).u16(grease ^ 0x1010).u16(0x001d).u16(0x0017).u16(0x0018);
        ext.u16(0x000b).u16(2).u8(1).u8(0);
        ext.u16(0x0023).u16(0);
        ext.u16(0x0010).u16(14).u16(12).u8(2).bytes("h2".getBytes(StandardCharsets.US_ASCII))
                .u8(8).bytes("http/1.1".getBytes(StandardCharsets.US_ASCII));
        ext.u16(0x0005).u16(5).u8(1).u16(0).u16(0);
        ext.u16(0x000d).u16(18).u16(16);
        for (int alg : new int[]{0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501, 0x0806, 0x0601}) ext.u16(alg);
        ext.u16(0x0012).u16(0);
        byte[] share = new byte[32];
        random.nextBytes(share);
        ext.u16(0x0033).u16(43).u16(41).u16(grease ^ 0x1010).u16(1).u8(0).u16(0x001d).u16(32).bytes(share);
        ext.u16(0x002d).u16(2).u8(1).u8(1);
        ext.u16(0x002b).u16(11).u8(10).u16(grease).u16(0x0304).u16(0x0303).u16(0x0302).u16(0x0301);
        ext.u16(0x001b).u16(3).u8(2).u16(0x0002);
        ext.u16(grease ^ 0x2020).u16(1).u8(0);

        byte[] sessionId = new byte[32];
        random.nextBytes(sessionId);
        Writer hello = new Writer();
        hello.u16(0x0303).bytes(new byte[RANDOM_BYTES]).u8(32).bytes(sessionId);
        hello.u16(2 * (CIPHER_SUITES.length + 1)).u16(grease);
        for (int suite : CIPHER_SUITES) hello.u16(suite);
        hello.u8(1).u8(0);
        // Pad with the padding extension to the length clients use; a long domain simply goes without.
        int fixed = 5 + 4 + hello.size() + 2 + ext.size();
        int padding = RECORD_BYTES - fixed - 4;
        if (padding >= 0) ext.u16(0x0015).u16(padding).bytes(new byte[padding]);
        hello.u16(ext.size()).bytes(ext.toByteArray());

        Writer record = new Writer();
        int handshakeLength = hello.size();
        record.u8(0x16).u16(0x0301).u16(handshakeLength + 4).u8(1).u8(handshakeLength >>> 16).u16(handshakeLength & 0xFFFF)
                .bytes(hello.toByteArray());
        return record.toByteArray();
    }

    /** Big-endian byte writer. */
    private static final class Writer extends ByteArrayOutputStream {
        Writer u8(int v) {
            write(v);
            return this;
        }

        Writer u16(int v) {
            write(v >>> 8);
            write(v);
            return this;
        }

        Writer bytes(byte[] b) {
            write(b, 0, b.length);
            return this;
        }
    }
}
