package org.proxyfund.probe.mtproto;

import java.io.IOException;
import java.net.ProtocolException;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Telegram's padded intermediate framing: a 4-byte little-endian length, the payload, then 0..15 random bytes.
 * Public for relay/TelegramProof.
 */
public final class PaddedIntermediate {

    /** Most padding bytes added after a payload. */
    public static final int MAX_PADDING = 15;

    private PaddedIntermediate() {
    }

    /** One frame around the payload, with random padding counted in the length. */
    public static byte[] frame(byte[] payload, RandomGenerator random) {
        int padding = random.nextInt(MAX_PADDING + 1);
        byte[] frame = new byte[4 + payload.length + padding];
        Obfuscated2.writeIntLe(frame, 0, payload.length + padding);
        System.arraycopy(payload, 0, frame, 4, payload.length);
        byte[] pad = new byte[padding];
        random.nextBytes(pad);
        System.arraycopy(pad, 0, frame, 4 + payload.length, padding);
        return frame;
    }

    /**
     * Reads one frame and returns its body (payload and padding: the message inside says its own length). A length
     * of zero, negative or above maxBytes is not a frame any Telegram server sends: ProtocolException.
     */
    public static byte[] read(ObfuscatedStream stream, int maxBytes) throws IOException {
        int length = Obfuscated2.readIntLe(stream.read(4), 0);
        if (length <= 0 || length > maxBytes) {
            throw new ProtocolException("a reply frame of " + Integer.toUnsignedString(length) + " bytes is not MTProto");
        }
        return Arrays.copyOf(stream.read(length), length);
    }
}
