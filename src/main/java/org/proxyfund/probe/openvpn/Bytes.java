package org.proxyfund.probe.openvpn;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** Byte-array concatenation for packet layouts. */
final class Bytes {

    private Bytes() {
    }

    static byte[] concat(byte[]... parts) {
        ByteBuffer out = ByteBuffer.allocate(Arrays.stream(parts).mapToInt(p -> p.length).sum());
        for (byte[] p : parts) out.put(p);
        return out.array();
    }
}
