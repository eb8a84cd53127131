package org.proxyfund.probe.mtproto;

import org.proxyfund.probe.wire.FramedInputStream;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;

/** The byte stream carried in a peer's ApplicationData records (dummy ChangeCipherSpec records are skipped). */
final class TlsRecordInputStream extends FramedInputStream {

    private final InputStream in;

    public TlsRecordInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    protected byte[] nextFrame() throws IOException {
        int first = in.read();
        if (first < 0) return null;
        byte[] rest = in.readNBytes(4);
        if (rest.length < 4) return null;
        int length = (rest[2] & 0xFF) << 8 | rest[3] & 0xFF;
        if (first == TlsRecords.CHANGE_CIPHER_SPEC && length == 1) {
            in.readNBytes(1);
            return new byte[0];
        }
        if (first != TlsRecords.APPLICATION_DATA || rest[0] != 3 || rest[1] != 3 || length > TlsRecords.MAX_PAYLOAD) {
            throw new ProtocolException("expected a TLS ApplicationData record, got type " + first);
        }
        byte[] payload = in.readNBytes(length);
        if (payload.length < length) throw new EOFException("the connection closed inside a TLS record");
        return payload;
    }
}
