package org.proxyfund.probe.mtproto;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;

/** The byte stream carried in a peer's ApplicationData records (dummy ChangeCipherSpec records are skipped). */
public final class TlsRecordInputStream extends InputStream {

    private final InputStream in;
    private byte[] payload = new byte[0];
    private int position;

    public TlsRecordInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        while (position == payload.length) {
            if (!nextRecord()) return -1;
        }
        int n = Math.min(len, payload.length - position);
        System.arraycopy(payload, position, b, off, n);
        position += n;
        return n;
    }

    private boolean nextRecord() throws IOException {
        int first = in.read();
        if (first < 0) return false;
        byte[] rest = in.readNBytes(4);
        if (rest.length < 4) return false;
        int length = (rest[2] & 0xFF) << 8 | rest[3] & 0xFF;
        if (first == TlsRecords.CHANGE_CIPHER_SPEC && length == 1) {
            in.readNBytes(1);
            return true;
        }
        if (first != TlsRecords.APPLICATION_DATA || rest[0] != 3 || rest[1] != 3 || length > TlsRecords.MAX_PAYLOAD) {
            throw new ProtocolException("expected a TLS ApplicationData record, got type " + first);
        }
        payload = in.readNBytes(length);
        position = 0;
        if (payload.length < length) throw new EOFException("the connection closed inside a TLS record");
        return true;
    }
}
