package org.proxyfund.probe.mtproto;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;

/**
 * The server side of the fake-TLS handshake, written from the proxy's point of view (not with the checker's helpers):
 * verify the ClientHello's HMAC, SNI and time, and answer ServerHello + ChangeCipherSpec + ApplicationData whose
 * random is HMAC-SHA256(secret, client random || answer with the random zeroed).
 */
final class FakeTlsServerSide {

    /** How far in the past a client's time may be (MTProxy: 10 minutes) and in the future (MTProxy: 3 s). */
    static final long ALLOWED_PAST_SECONDS = 600;
    static final long ALLOWED_FUTURE_SECONDS = 3;

    private final byte[] secret;
    private final String domain;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    FakeTlsServerSide(byte[] secret, String domain, Clock clock) {
        this.secret = secret;
        this.domain = domain;
        this.clock = clock;
    }

    /**
     * Reads the ClientHello and answers it. True when the client proved it knows the secret; otherwise the answer was
     * that of a plain TLS server (a random that is no HMAC), as a client handed to the fronted domain would see.
     */
    boolean handshake(InputStream in, OutputStream out) throws IOException {
        byte[] head = in.readNBytes(5);
        if (head.length < 5) return false;
        int length = (head[3] & 0xFF) << 8 | head[4] & 0xFF;
        byte[] body = in.readNBytes(length);
        if (body.length < length || length < 4 + 2 + 32 + 1 + 32 || body[0] != 1) return false;
        byte[] record = new byte[5 + length];
        System.arraycopy(head, 0, record, 0, 5);
        System.arraycopy(body, 0, record, 5, length);
        byte[] clientRandom = Arrays.copyOfRange(record, 11, 43);
        byte[] sessionId = Arrays.copyOfRange(record, 44, 44 + (record[43] & 0xFF));
        Arrays.fill(record, 11, 43, (byte) 0);
        byte[] expected = hmac(record);
        boolean ok = MessageDigest.isEqual(Arrays.copyOf(expected, 28), Arrays.copyOf(clientRandom, 28))
                && domain.equals(serverName(record)) && timely(expected, clientRandom);
        out.write(reply(clientRandom, sessionId, ok));
        out.flush();
        return ok;
    }

    private boolean timely(byte[] expected, byte[] clientRandom) {
        long time = 0;
        for (int i = 0; i < 4; i++) time |= (long) ((expected[28 + i] ^ clientRandom[28 + i]) & 0xFF) << (8 * i);
        long now = clock.instant().getEpochSecond();
        return time >= now - ALLOWED_PAST_SECONDS && time <= now + ALLOWED_FUTURE_SECONDS;
    }

    /** The host_name of the server_name extension, or null. */
    private static String serverName(byte[] record) {
        int pos = 43;
        pos += 1 + (record[pos] & 0xFF);
        pos += 2 + u16(record, pos);
        pos += 1 + (record[pos] & 0xFF);
        int end = pos + 2 + u16(record, pos);
        pos += 2;
        while (pos + 4 <= end && end <= record.length) {
            int type = u16(record, pos);
            int length = u16(record, pos + 2);
            if (type == 0 && length >= 5) return new String(record, pos + 9, u16(record, pos + 7), StandardCharsets.US_ASCII);
            pos += 4 + length;
        }
        return null;
    }

    private byte[] reply(byte[] clientRandom, byte[] sessionId, boolean signed) {
        ByteArrayOutputStream hello = new ByteArrayOutputStream();
        hello.writeBytes(new byte[]{3, 3});
        hello.writeBytes(new byte[32]);
        hello.write(sessionId.length);
        hello.writeBytes(sessionId);
        hello.writeBytes(new byte[]{0x13, 0x01, 0x00, 0x00, 0x2e, 0x00, 0x33, 0x00, 0x24, 0x00, 0x1d, 0x00, 0x20});
        hello.writeBytes(randomBytes(32));
        hello.writeBytes(new byte[]{0x00, 0x2b, 0x00, 0x02, 0x03, 0x04});
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        int n = hello.size();
        answer.writeBytes(new byte[]{0x16, 3, 3, (byte) ((n + 4) >> 8), (byte) (n + 4), 2, 0, (byte) (n >> 8), (byte) n});
        answer.writeBytes(hello.toByteArray());
        answer.writeBytes(new byte[]{0x14, 3, 3, 0, 1, 1});
        int noise = 1000 + random.nextInt(2000);
        answer.writeBytes(new byte[]{0x17, 3, 3, (byte) (noise >> 8), (byte) noise});
        answer.writeBytes(randomBytes(noise));
        byte[] bytes = answer.toByteArray();
        byte[] serverRandom = signed ? hmac(clientRandom, bytes) : randomBytes(32);
        System.arraycopy(serverRandom, 0, bytes, 11, 32);
        return bytes;
    }

    private byte[] hmac(byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            for (byte[] part : parts) mac.update(part);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int u16(byte[] b, int pos) {
        return (b[pos] & 0xFF) << 8 | b[pos + 1] & 0xFF;
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
