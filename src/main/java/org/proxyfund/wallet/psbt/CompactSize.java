package org.proxyfund.wallet.psbt;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Bitcoin's variable-length integer ("CompactSize": 1, 3, 5 or 9 bytes, little-endian), as BIP-174 frames keys and values. */
final class CompactSize {

    private CompactSize() {
    }

    static long read(ByteBuffer in) {
        need(in, 1);
        int first = in.get() & 0xff;
        if (first < 0xfd) {
            return first;
        }
        int width = first == 0xfd ? 2 : first == 0xfe ? 4 : 8;
        need(in, width);
        ByteBuffer le = in.slice(in.position(), width).order(ByteOrder.LITTLE_ENDIAN);
        in.position(in.position() + width);
        long value = width == 2 ? le.getShort() & 0xffffL : width == 4 ? le.getInt() & 0xffffffffL : le.getLong();
        long smallest = width == 2 ? 0xfd : width == 4 ? 0x10000L : 0x100000000L;
        if (value < smallest || value < 0) {
            throw new PsbtFormatException("a length is not written in its shortest form");
        }
        return value;
    }

    /** Reads a length-prefixed byte string, refusing lengths beyond what is left. */
    static byte[] readBytes(ByteBuffer in) {
        long length = read(in);
        if (length > in.remaining()) {
            throw new PsbtFormatException("a length of " + length + " bytes runs past the end");
        }
        byte[] out = new byte[(int) length];
        in.get(out);
        return out;
    }

    static void write(ByteArrayOutputStream out, long value) {
        if (value < 0xfd) {
            out.write((int) value);
            return;
        }
        int width = value <= 0xffff ? 2 : value <= 0xffffffffL ? 4 : 8;
        out.write(width == 2 ? 0xfd : width == 4 ? 0xfe : 0xff);
        for (int i = 0; i < width; i++) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
    }

    static void writeBytes(ByteArrayOutputStream out, byte[] bytes) {
        write(out, bytes.length);
        out.writeBytes(bytes);
    }

    static void need(ByteBuffer in, int n) {
        if (in.remaining() < n) {
            throw new PsbtFormatException("the data ends early");
        }
    }
}
