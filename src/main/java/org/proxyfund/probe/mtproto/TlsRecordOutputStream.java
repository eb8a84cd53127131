package org.proxyfund.probe.mtproto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Buffers bytes and, at each flush, sends them as ApplicationData records; the first flush sends a dummy ChangeCipherSpec before. */
final class TlsRecordOutputStream extends OutputStream {

    private final OutputStream out;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private boolean changeCipherSpecSent;

    /** A stream whose first flush starts with ChangeCipherSpec when sendChangeCipherSpec (the client side) is true. */
    public TlsRecordOutputStream(OutputStream out, boolean sendChangeCipherSpec) {
        this.out = out;
        this.changeCipherSpecSent = !sendChangeCipherSpec;
    }

    @Override
    public void write(int b) {
        pending.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        pending.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        if (pending.size() == 0) return;
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        if (!changeCipherSpecSent) wire.writeBytes(TlsRecords.CHANGE_CIPHER_SPEC_RECORD);
        changeCipherSpecSent = true;
        wire.writeBytes(TlsRecords.applicationData(pending.toByteArray()));
        pending.reset();
        out.write(wire.toByteArray());
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
        out.close();
    }
}
