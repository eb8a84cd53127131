package org.proxyfund.probe.mtproto;

import org.proxyfund.probe.LoopbackServer;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Cipher;

/**
 * A tiny stand-in for a Telegram data centre: over the (padded) intermediate transport a proxy opens towards it
 * (tag 0xdddddddd or 0xeeeeeeee), or inside obfuscated2 without a secret as a client opens a DC directly, it answers req_pq_multi with a resPQ (random server_nonce, pq = product of two
 * primes, the fingerprint of its test RSA key) and req_DH_params with a server_DH_params_ok only the holder of that
 * key can produce ({@link TestDhResponder}); or with what {@link #answer(Answer)} says for failure tests.
 */
public final class TestDataCentre extends LoopbackServer {

    /** What the data centre sends back to a req_pq_multi. */
    public enum Answer {
        /** A well-formed resPQ echoing the client's nonce. */
        RES_PQ,
        /** A frame of random bytes: not an MTProto message. */
        GARBAGE,
        /** A well-formed resPQ that echoes a different nonce. */
        OTHER_NONCE,
        /** An impostor: lists Telegram's production key fingerprint but cannot decrypt req_DH_params, so it answers noise. */
        IMPOSTOR
    }

    /** Fingerprint of Telegram's production RSA key, which an impostor can copy from any client. */
    public static final long TELEGRAM_PRODUCTION_FINGERPRINT = 0xd09d1d85de64fd85L;

    private final SecureRandom random = new SecureRandom();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger directConnections = new AtomicInteger();
    private volatile Answer answer = Answer.RES_PQ;

    /** Switches what later requests get. */
    public void answer(Answer next) {
        answer = next;
    }

    /** Connections opened as a client opens a DC (obfuscated2 without a secret), so far. */
    public int directConnections() {
        return directConnections.get();
    }

    /** req_pq_multi requests received so far. */
    public int requests() {
        return requests.get();
    }

    @Override
    protected void serve(Socket client) throws IOException {
        InputStream raw = new BufferedInputStream(client.getInputStream());
        OutputStream out = client.getOutputStream();
        byte[] start = raw.readNBytes(4);
        if (start.length < 4) return;
        int tag = ByteBuffer.wrap(start).order(ByteOrder.LITTLE_ENDIAN).getInt();
        DataInputStream in;
        if (tag == 0xdddddddd || tag == 0xeeeeeeee) {
            in = new DataInputStream(raw);
        } else {
            // A client connecting directly, as to a real DC: obfuscated2 without a secret (the header's bytes are the keys).
            byte[] header = new byte[Obfuscated2.HEADER_BYTES];
            System.arraycopy(start, 0, header, 0, 4);
            if (raw.readNBytes(header, 4, header.length - 4) < header.length - 4) return;
            Obfuscated2.Keys keys = Obfuscated2.clientKeys(header, null);
            Cipher fromClient = ObfuscatedStream.ctr(keys.encryptKey(), keys.encryptIv());
            Cipher toClient = ObfuscatedStream.ctr(keys.decryptKey(), keys.decryptIv());
            byte[] plain = fromClient.update(header);
            tag = ByteBuffer.wrap(plain, 56, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            in = new DataInputStream(new Decrypting(raw, fromClient));
            out = new Encrypting(out, toClient);
            directConnections.incrementAndGet();
        }
        if (tag != 0xdddddddd && tag != 0xeeeeeeee) return;
        boolean padded = tag == 0xdddddddd;
        byte[] body = readFrame(in);
        byte[] nonce = body == null ? null : reqPqNonce(body);
        if (nonce == null) return;
        requests.incrementAndGet();
        Answer mode = answer;
        byte[] serverNonce = randomBytes(16);
        BigInteger pq = BigInteger.probablePrime(31, random).multiply(BigInteger.probablePrime(31, random));
        byte[] reply = switch (mode) {
            case RES_PQ -> resPq(nonce, serverNonce, pq, TestDhResponder.fingerprint());
            case OTHER_NONCE -> resPq(randomBytes(16), serverNonce, pq, TestDhResponder.fingerprint());
            case IMPOSTOR -> resPq(nonce, serverNonce, pq, TELEGRAM_PRODUCTION_FINGERPRINT);
            case GARBAGE -> randomBytes(40);
        };
        out.write(padded ? PaddedIntermediate.frame(reply, random) : intermediate(reply));
        out.flush();
        body = readFrame(in);
        if (body == null) return;
        TestDhResponder responder = TestDhResponder.create();
        try {
            reply = mode == Answer.IMPOSTOR ? responder.forgedAnswer(nonce, serverNonce) : responder.answer(body, nonce, serverNonce, pq);
        } catch (RuntimeException malformed) {
            return;
        }
        if (reply == null) return;
        out.write(padded ? PaddedIntermediate.frame(reply, random) : intermediate(reply));
        out.flush();
        readFrame(in);
    }

    /** AES-CTR over what arrives, byte for byte as it comes (no block buffering, unlike CipherInputStream). */
    private static final class Decrypting extends FilterInputStream {
        private final Cipher cipher;

        Decrypting(InputStream in, Cipher cipher) {
            super(in);
            this.cipher = cipher;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) System.arraycopy(cipher.update(b, off, n), 0, b, off, n);
            return n;
        }
    }

    /** AES-CTR over what is written. */
    private static final class Encrypting extends FilterOutputStream {
        private final Cipher cipher;

        Encrypting(OutputStream out, Cipher cipher) {
            super(out);
            this.cipher = cipher;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(cipher.update(b, off, len));
        }
    }

    private static byte[] readFrame(InputStream in) throws IOException {
        byte[] length = in.readNBytes(4);
        if (length.length < 4) return null;
        int n = ByteBuffer.wrap(length).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (n <= 0 || n > 1 << 16) return null;
        byte[] body = in.readNBytes(n);
        return body.length == n ? body : null;
    }

    /** The nonce of an unencrypted req_pq_multi; null for anything else (a real DC would drop the connection). */
    private static byte[] reqPqNonce(byte[] body) {
        if (body.length < 40) return null;
        ByteBuffer in = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
        long authKeyId = in.getLong();
        long messageId = in.getLong();
        int length = in.getInt();
        if (authKeyId != 0 || (messageId & 3) != 0 || length != 20 || in.getInt() != MtprotoMessages.REQ_PQ_MULTI) return null;
        return Arrays.copyOfRange(body, 24, 40);
    }

    private byte[] resPq(byte[] nonce, byte[] serverNonce, BigInteger pq, long fingerprint) {
        byte[] pqBytes = new byte[8];
        byte[] magnitude = pq.toByteArray();
        int copy = Math.min(8, magnitude.length);
        System.arraycopy(magnitude, magnitude.length - copy, pqBytes, 8 - copy, copy);
        int dataLength = 4 + 16 + 16 + 12 + 4 + 4 + 8;
        long seconds = System.currentTimeMillis() / 1000;
        ByteBuffer out = ByteBuffer.allocate(20 + dataLength).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(0).putLong(seconds << 32 | 1).putInt(dataLength);
        out.putInt(MtprotoMessages.RES_PQ).put(nonce).put(serverNonce);
        out.put((byte) 8).put(pqBytes).put(new byte[3]);
        out.putInt(MtprotoMessages.VECTOR).putInt(1).putLong(fingerprint);
        return out.array();
    }

    private static byte[] intermediate(byte[] payload) {
        return ByteBuffer.allocate(4 + payload.length).order(ByteOrder.LITTLE_ENDIAN).putInt(payload.length).put(payload).array();
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
