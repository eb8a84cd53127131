package org.proxyfund.probe.mtproto;

import java.io.ByteArrayOutputStream;

/** Little-endian TL serialisation of the few types the key exchange needs. */
final class TlWriter extends ByteArrayOutputStream {

    TlWriter int32(int v) {
        for (int i = 0; i < 4; i++) write(v >>> (8 * i));
        return this;
    }

    TlWriter int64(long v) {
        for (int i = 0; i < 8; i++) write((int) (v >>> (8 * i)));
        return this;
    }

    TlWriter raw(byte[] b) {
        write(b, 0, b.length);
        return this;
    }

    /** A TL string: length byte (or 254 + 3 bytes), the bytes, zero padding to a multiple of 4. */
    TlWriter bytes(byte[] b) {
        int header;
        if (b.length <= 253) {
            write(b.length);
            header = 1;
        } else {
            write(254);
            write(b.length);
            write(b.length >>> 8);
            write(b.length >>> 16);
            header = 4;
        }
        raw(b);
        for (int i = (header + b.length) % 4; i != 0 && i < 4; i++) write(0);
        return this;
    }
}
