package org.proxyfund.probe.openvpn;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The first packet of an OpenVPN session, P_CONTROL_HARD_RESET_CLIENT_V2, and the check of the server's
 * P_CONTROL_HARD_RESET_SERVER_V2 answer: it must acknowledge our packet id 0 and name our session id as its
 * remote session. With tls-auth, both carry an HMAC over packet id, time, opcode, session id and the rest.
 */
public final class HardReset {

    /** OpenVPN opcodes (high 5 bits of the first byte; the low 3 are the key id). */
    static final int P_CONTROL_HARD_RESET_CLIENT_V2 = 7;
    static final int P_CONTROL_HARD_RESET_SERVER_V2 = 8;
    private static final int SESSION_ID_BYTES = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] sessionId = new byte[SESSION_ID_BYTES];
    private final TlsAuth tlsAuth;
    private int replayId;

    /** A reset with a fresh random session id; {@code tlsAuth} null when the server uses none. */
    public HardReset(TlsAuth tlsAuth) {
        RANDOM.nextBytes(sessionId);
        this.tlsAuth = tlsAuth;
    }

    /** The packet to send (without TCP's length prefix); a resend gets the next tls-auth packet id, as OpenVPN's own does. */
    public byte[] clientPacket() {
        // ack array length 0, message packet id 0, no payload
        byte[] rest = {0, 0, 0, 0, 0};
        return wrap((byte) (P_CONTROL_HARD_RESET_CLIENT_V2 << 3), sessionId, rest);
    }

    /** Checks one packet from the server; {@link Reply#ok()} only for the answer to our reset. */
    public Reply check(byte[] packet) {
        int header = 1 + SESSION_ID_BYTES;
        int authBytes = tlsAuth == null ? 0 : tlsAuth.macBytes() + 8;
        if (packet.length < header + authBytes + 1 + 4) return Reply.malformed("a packet of " + packet.length + " bytes is too short for OpenVPN");
        ByteBuffer in = ByteBuffer.wrap(packet);
        int opcode = (in.get() & 0xFF) >>> 3;
        byte[] serverSession = new byte[SESSION_ID_BYTES];
        in.get(serverSession);
        if (tlsAuth != null) {
            byte[] hmac = new byte[tlsAuth.macBytes()];
            in.get(hmac);
            byte[] signed = signedPart(packet[0], serverSession, Arrays.copyOfRange(packet, header + hmac.length, packet.length));
            if (!tlsAuth.verifies(signed, hmac)) return Reply.badHmac();
            in.position(in.position() + 8);
        }
        if (opcode != P_CONTROL_HARD_RESET_SERVER_V2) return Reply.malformed("opcode " + opcode + " instead of P_CONTROL_HARD_RESET_SERVER_V2");
        int acks = in.get() & 0xFF;
        if (acks == 0 || in.remaining() < acks * 4 + SESSION_ID_BYTES + 4) return Reply.malformed("the server's reset acknowledges nothing");
        boolean ackedOurs = false;
        for (int i = 0; i < acks; i++) ackedOurs |= in.getInt() == 0;
        byte[] remote = new byte[SESSION_ID_BYTES];
        in.get(remote);
        if (!ackedOurs || !Arrays.equals(remote, sessionId)) return Reply.malformed("the server's reset does not acknowledge our session");
        return new Reply(true, false, "P_CONTROL_HARD_RESET_SERVER_V2 acknowledged our session");
    }

    private byte[] wrap(byte opcode, byte[] session, byte[] rest) {
        if (tlsAuth == null) return concat(new byte[]{opcode}, session, rest);
        // tls-auth's replay protection: packet id in OpenVPN's long form (id, then seconds since the epoch)
        byte[] replay = ByteBuffer.allocate(8).putInt(++replayId).putInt((int) (System.currentTimeMillis() / 1000)).array();
        byte[] hmac = tlsAuth.sign(signedPart(opcode, session, concat(replay, rest)));
        return concat(new byte[]{opcode}, session, hmac, replay, rest);
    }

    /** What the HMAC covers: packet id and time first, then opcode, session id and the rest (OpenVPN's swap_hmac order). */
    private static byte[] signedPart(byte opcode, byte[] session, byte[] replayAndRest) {
        return concat(Arrays.copyOf(replayAndRest, 8), new byte[]{opcode}, session, Arrays.copyOfRange(replayAndRest, 8, replayAndRest.length));
    }

    private static byte[] concat(byte[]... parts) {
        ByteBuffer out = ByteBuffer.allocate(Arrays.stream(parts).mapToInt(p -> p.length).sum());
        for (byte[] p : parts) out.put(p);
        return out.array();
    }

    /**
     * What a server packet says.
     *
     * @param ok              the well-formed answer to our reset
     * @param unauthenticated its tls-auth HMAC did not verify under our key
     * @param detail          what was wrong, or what was seen
     */
    public record Reply(boolean ok, boolean unauthenticated, String detail) {
        static Reply malformed(String detail) {
            return new Reply(false, false, detail);
        }

        static Reply badHmac() {
            return new Reply(false, true, "the server's reply does not carry a valid tls-auth HMAC under our key");
        }
    }
}
