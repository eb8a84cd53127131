package org.proxyfund.wallet.psbt;

import java.nio.ByteBuffer;

/**
 * How many inputs and outputs the unsigned transaction of a PSBT has, checked as BIP-174 requires: non-witness
 * serialization, every scriptSig empty, no bytes left over.
 */
record UnsignedTxShape(int inputs, int outputs) {

    static UnsignedTxShape of(byte[] tx) {
        ByteBuffer in = ByteBuffer.wrap(tx);
        CompactSize.need(in, 4);
        in.position(4);
        long inputs = CompactSize.read(in);
        if (inputs == 0) {
            throw new PsbtFormatException("the unsigned transaction has no inputs (or is in the witness serialization)");
        }
        for (long i = 0; i < inputs; i++) {
            CompactSize.need(in, 36);
            in.position(in.position() + 36);
            if (CompactSize.readBytes(in).length != 0) {
                throw new PsbtFormatException("input " + i + " of the unsigned transaction has a scriptSig");
            }
            CompactSize.need(in, 4);
            in.position(in.position() + 4);
        }
        long outputs = CompactSize.read(in);
        for (long o = 0; o < outputs; o++) {
            CompactSize.need(in, 8);
            in.position(in.position() + 8);
            CompactSize.readBytes(in);
        }
        CompactSize.need(in, 4);
        in.position(in.position() + 4);
        if (in.hasRemaining()) {
            throw new PsbtFormatException("the unsigned transaction has " + in.remaining() + " bytes too many");
        }
        return new UnsignedTxShape((int) inputs, (int) outputs);
    }
}
