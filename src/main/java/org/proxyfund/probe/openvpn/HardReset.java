package org.proxyfund.probe.openvpn;

import org.proxyfund.probe.wire.ByteParts;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The first packet of an OpenVPN session, P_CONTROL_HARD_RESET_CLIENT_V2, and the check of the server's
 * P_CONTROL_HARD_RESET_SERVER_V2 answer: it must acknowledge our packet id 0 and name our session id as its
 * remote session, under the same tls-auth or tls-crypt key when one is in use.
 */
final class HardReset {

    /** OpenVPN opcodes (high 5 bits of the first byte; the low 3 are the key id). */
    static final int P_CONTROL_HARD_RESET_CLIENT_V2 = 7;
    static final int P_CONTROL_HARD_RESET_SERVER_V2 = 8;
    private static final int SESSION_ID_BYTES = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] sessionId = new byte[SESSION_ID_BYTES];
    private final ControlWrap wrap;

    /** A reset with a fresh random session id, protected by {@code wrap} (one per check: it counts packet ids). */
    public HardReset(ControlWrap wrap) {
        RANDOM.nextBytes(sessionId);
        this.wrap = wrap;
    }

    /** The packet to send (without TCP's length prefix); a resend gets the next packet id, as OpenVPN's own does. */
    public byte[] clientPacket() {
        // ack array length 0, message packet id 0, no payload
        return wrap.wrap(ByteParts.concat(new byte[]{(byte) (P_CONTROL_HARD_RESET_CLIENT_V2 << 3)}, sessionId, new byte[5]));
    }

    /** Checks one packet from the server; {@link Reply#ok()} only for the answer to our reset. */
    public Reply check(byte[] packet) {
        if (packet.length < 1 + SESSION_ID_BYTES + wrap.overhead() + 1 + 4) {
            return Reply.malformed("a packet of " + packet.length + " bytes is too short for OpenVPN");
        }
        byte[] plain = wrap.unwrap(packet);
        if (plain == null) return Reply.badKey();
        ByteBuffer in = ByteBuffer.wrap(plain);
        int opcode = (in.get() & 0xFF) >>> 3;
        in.position(1 + SESSION_ID_BYTES);
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

    /**
     * What a server packet says.
     *
     * @param ok              the well-formed answer to our reset
     * @param unauthenticated it did not authenticate under our tls-auth or tls-crypt key
     * @param detail          what was wrong, or what was seen
     */
    public record Reply(boolean ok, boolean unauthenticated, String detail) {
        static Reply malformed(String detail) {
            return new Reply(false, false, detail);
        }

        static Reply badKey() {
            return new Reply(false, true, "the server's reply does not authenticate under our tls-auth/tls-crypt key");
        }
    }
}
