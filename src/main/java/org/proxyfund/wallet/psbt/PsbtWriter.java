package org.proxyfund.wallet.psbt;

import java.io.ByteArrayOutputStream;
import java.util.Base64;

/** Writes BIP-174 (version 0) PSBTs: the global unsigned transaction, then one map per input and per output. */
public final class PsbtWriter {

    private PsbtWriter() {
    }

    public static byte[] write(Psbt psbt) {
        UnsignedTxShape shape = UnsignedTxShape.of(psbt.unsignedTx());
        if (shape.inputs() != psbt.inputs().size() || shape.outputs() != psbt.outputs().size()) {
            throw new IllegalArgumentException("the maps do not match the transaction's " + shape.inputs() + " inputs and "
                    + shape.outputs() + " outputs");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Psbt.MAGIC);
        entry(out, new byte[]{0x00}, psbt.unsignedTx());
        out.write(0x00);
        for (Psbt.Input in : psbt.inputs()) {
            if (in.nonWitnessUtxo() != null) {
                entry(out, new byte[]{0x00}, in.nonWitnessUtxo());
            }
            if (in.witnessUtxo() != null) {
                entry(out, new byte[]{0x01}, in.witnessUtxo());
            }
            for (Psbt.PartialSig sig : in.partialSigs()) {
                entry(out, prefixed(0x02, sig.pubkey()), sig.signature());
            }
            if (in.sighashType() != null) {
                entry(out, new byte[]{0x03}, uint32(in.sighashType()));
            }
            for (KeyOrigin origin : in.origins()) {
                entry(out, prefixed(0x06, origin.pubkey()), originValue(origin));
            }
            if (in.finalScriptSig() != null) {
                entry(out, new byte[]{0x07}, in.finalScriptSig());
            }
            if (in.finalWitness() != null) {
                ByteArrayOutputStream w = new ByteArrayOutputStream();
                CompactSize.write(w, in.finalWitness().size());
                in.finalWitness().forEach(item -> CompactSize.writeBytes(w, item));
                entry(out, new byte[]{0x08}, w.toByteArray());
            }
            out.write(0x00);
        }
        for (Psbt.Output o : psbt.outputs()) {
            for (KeyOrigin origin : o.origins()) {
                entry(out, prefixed(0x02, origin.pubkey()), originValue(origin));
            }
            out.write(0x00);
        }
        return out.toByteArray();
    }

    public static String base64(Psbt psbt) {
        return Base64.getEncoder().encodeToString(write(psbt));
    }

    private static void entry(ByteArrayOutputStream out, byte[] key, byte[] value) {
        CompactSize.writeBytes(out, key);
        CompactSize.writeBytes(out, value);
    }

    private static byte[] prefixed(int type, byte[] data) {
        byte[] key = new byte[data.length + 1];
        key[0] = (byte) type;
        System.arraycopy(data, 0, key, 1, data.length);
        return key;
    }

    private static byte[] originValue(KeyOrigin origin) {
        ByteArrayOutputStream v = new ByteArrayOutputStream();
        v.writeBytes(origin.fingerprint());
        origin.path().forEach(child -> v.writeBytes(uint32(child & 0xffffffffL)));
        return v.toByteArray();
    }

    private static byte[] uint32(long value) {
        return new byte[]{(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)};
    }
}
