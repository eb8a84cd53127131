package org.proxyfund.probe.mtproto;

import java.math.BigInteger;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The two unencrypted MTProto messages a check needs: {@code req_pq_multi} out, {@code resPQ} back. Public for
 * relay/TelegramProof.
 */
public final class MtprotoMessages {

    /** Constructor of req_pq_multi#be7e8ef1 nonce:int128 = ResPQ. */
    public static final int REQ_PQ_MULTI = 0xbe7e8ef1;
    /** Constructor of resPQ#05162463 nonce:int128 server_nonce:int128 pq:string server_public_key_fingerprints:Vector long. */
    public static final int RES_PQ = 0x05162463;
    /** Constructor of the boxed Vector type. */
    public static final int VECTOR = 0x1cb5c415;
    /** auth_key_id (8) + message_id (8) + message_data_length (4). */
    public static final int UNENCRYPTED_HEADER_BYTES = 20;
    /** Bytes in a nonce. */
    public static final int NONCE_BYTES = 16;
    private static final int MAX_FINGERPRINTS = 64;

    /**
     * A well-formed resPQ.
     *
     * @param serverNonce  the server's random nonce
     * @param pq           the number to factor, big-endian as sent
     * @param fingerprints fingerprints of the server's RSA keys
     */
    public record ResPq(byte[] serverNonce, BigInteger pq, long[] fingerprints) {
    }

    private MtprotoMessages() {
    }

    /** An unencrypted message carrying req_pq_multi with our nonce. */
    public static byte[] reqPqMulti(byte[] nonce, long messageId) {
        if (nonce.length != NONCE_BYTES) throw new IllegalArgumentException("a nonce is 16 bytes");
        return ByteBuffer.allocate(UNENCRYPTED_HEADER_BYTES + 4 + NONCE_BYTES).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(0).putLong(messageId).putInt(4 + NONCE_BYTES).putInt(REQ_PQ_MULTI).put(nonce).array();
    }

    /** A client message id: unix time in the high 32 bits, a fraction of the second below, divisible by 4. */
    public static long clientMessageId(long epochMillis) {
        long seconds = epochMillis / 1000;
        long fraction = ((epochMillis % 1000) << 32) / 1000;
        return (seconds << 32 | fraction) & ~3L;
    }

    /** True when the frame body is a 4-byte transport error code (e.g. -404) rather than a message. */
    public static boolean isTransportError(byte[] body) {
        return body.length == 4 && ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN).getInt() < 0;
    }

    /** The transport error code in a 4-byte body. */
    public static int transportError(byte[] body) {
        return ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    /**
     * Parses an unencrypted message that must be a resPQ answering our nonce; anything else, including trailing
     * bytes inside the declared message length, is a ProtocolException saying what was wrong.
     */
    public static ResPq parseResPq(byte[] body, byte[] nonce) throws ProtocolException {
        ByteBuffer in = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
        need(in, UNENCRYPTED_HEADER_BYTES, "the unencrypted message header");
        if (in.getLong() != 0) throw new ProtocolException("the reply is not an unencrypted message (auth_key_id is not 0)");
        long messageId = in.getLong();
        if ((messageId & 3) != 1) throw new ProtocolException("the reply's message id is not a server response id");
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) throw new ProtocolException("the reply's message length " + length + " exceeds its frame");
        ByteBuffer data = in.slice(in.position(), length).order(ByteOrder.LITTLE_ENDIAN);
        need(data, 4 + 2 * NONCE_BYTES, "resPQ");
        int constructor = data.getInt();
        if (constructor != RES_PQ) throw new ProtocolException(String.format("the reply is constructor 0x%08x, not resPQ", constructor));
        byte[] echoed = new byte[NONCE_BYTES];
        data.get(echoed);
        if (!Arrays.equals(echoed, nonce)) throw new ProtocolException("the resPQ does not echo our nonce");
        byte[] serverNonce = new byte[NONCE_BYTES];
        data.get(serverNonce);
        byte[] pq = readTlBytes(data);
        if (pq.length == 0 || pq.length > 16 || new BigInteger(1, pq).compareTo(BigInteger.ONE) <= 0) {
            throw new ProtocolException("the resPQ's pq is not a number to factor");
        }
        need(data, 8, "the fingerprint vector");
        if (data.getInt() != VECTOR) throw new ProtocolException("the resPQ's fingerprints are not a vector");
        int count = data.getInt();
        if (count < 1 || count > MAX_FINGERPRINTS) throw new ProtocolException("the resPQ lists " + count + " key fingerprints");
        need(data, 8L * count, "the key fingerprints");
        long[] fingerprints = new long[count];
        for (int i = 0; i < count; i++) fingerprints[i] = data.getLong();
        if (data.hasRemaining()) throw new ProtocolException("the resPQ has " + data.remaining() + " unexpected trailing bytes");
        return new ResPq(serverNonce, new BigInteger(1, pq), fingerprints);
    }

    /** A TL string: one length byte (or 254 and three bytes), the bytes, zero padding to a multiple of 4. */
    static byte[] readTlBytes(ByteBuffer data) throws ProtocolException {
        need(data, 1, "a TL string");
        int first = data.get() & 0xFF;
        int length;
        int header;
        if (first == 254) {
            need(data, 3, "a TL string length");
            length = (data.get() & 0xFF) | (data.get() & 0xFF) << 8 | (data.get() & 0xFF) << 16;
            header = 4;
        } else if (first == 255) {
            throw new ProtocolException("malformed TL string length");
        } else {
            length = first;
            header = 1;
        }
        int padding = (4 - (header + length) % 4) % 4;
        need(data, length + padding, "a TL string");
        byte[] bytes = new byte[length];
        data.get(bytes);
        data.position(data.position() + padding);
        return bytes;
    }

    private static void need(ByteBuffer buffer, long bytes, String what) throws ProtocolException {
        if (buffer.remaining() < bytes) throw new ProtocolException("the reply is too short for " + what);
    }
}
