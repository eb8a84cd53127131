package org.proxyfund.probe.wire;

import java.io.IOException;
import java.io.InputStream;

/**
 * A byte stream carried in frames of some protocol (Shadowsocks AEAD chunks, TLS records): subclasses read and
 * open one frame at a time, this class hands out its bytes across reads of any size. Public for the protocol folders
 * that frame a stream (shadowsocks, mtproto).
 */
public abstract class FramedInputStream extends InputStream {

    private byte[] frame = new byte[0];
    private int position;

    /** The next frame's payload (possibly empty, e.g. a record that carries no data), or null at the end of the stream. */
    protected abstract byte[] nextFrame() throws IOException;

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        while (position == frame.length) {
            byte[] next = nextFrame();
            if (next == null) return -1;
            frame = next;
            position = 0;
        }
        int n = Math.min(len, frame.length - position);
        System.arraycopy(frame, position, b, off, n);
        position += n;
        return n;
    }
}
