package org.proxyfund.wallet.psbt;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/** Reads BIP-174 (version 0) PSBTs, binary or base64; refuses malformed ones with {@link PsbtFormatException}. */
public final class PsbtReader {

    /** Larger uploads are refused before parsing (a 100-output batch PSBT is far smaller). */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    private PsbtReader() {
    }

    /** Whether {@code data} starts with the PSBT magic bytes. */
    public static boolean isPsbt(byte[] data) {
        return data.length >= Psbt.MAGIC.length && Arrays.equals(Arrays.copyOf(data, Psbt.MAGIC.length), Psbt.MAGIC);
    }

    /** Decodes base64 text (whitespace ignored) and reads it. */
    public static Psbt readBase64(String text) {
        byte[] data;
        try {
            data = Base64.getMimeDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new PsbtFormatException("not base64");
        }
        return read(data);
    }

    public static Psbt read(byte[] data) {
        if (data.length > MAX_BYTES) {
            throw new PsbtFormatException("larger than " + MAX_BYTES + " bytes");
        }
        if (!isPsbt(data)) {
            throw new PsbtFormatException("does not start with the PSBT magic bytes");
        }
        ByteBuffer in = ByteBuffer.wrap(data);
        in.position(Psbt.MAGIC.length);
        byte[] unsignedTx = null;
        Set<String> keys = new HashSet<>();
        for (byte[][] kv; (kv = next(in, keys, "global")) != null; ) {
            int type = kv[0][0] & 0xff;
            if (type == 0x00) {
                requireKeyLength(kv[0], 1, "unsigned transaction");
                unsignedTx = kv[1];
            } else if (type == 0xfb && readUint32(kv[1]) != 0) {
                throw new PsbtFormatException("PSBT version " + readUint32(kv[1]) + " is not supported (only 0)");
            }
        }
        if (unsignedTx == null) {
            throw new PsbtFormatException("no unsigned transaction");
        }
        UnsignedTxShape shape = UnsignedTxShape.of(unsignedTx);
        List<Psbt.Input> inputs = new ArrayList<>();
        for (int i = 0; i < shape.inputs(); i++) {
            inputs.add(input(in, i));
        }
        List<Psbt.Output> outputs = new ArrayList<>();
        for (int o = 0; o < shape.outputs(); o++) {
            outputs.add(output(in, o));
        }
        if (in.hasRemaining()) {
            throw new PsbtFormatException(in.remaining() + " bytes after the last output map");
        }
        return new Psbt(unsignedTx, inputs, outputs);
    }

    private static Psbt.Input input(ByteBuffer in, int index) {
        byte[] nonWitness = null;
        byte[] witnessUtxo = null;
        Long sighash = null;
        byte[] finalScriptSig = null;
        List<byte[]> finalWitness = null;
        List<Psbt.PartialSig> sigs = new ArrayList<>();
        List<KeyOrigin> origins = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (byte[][] kv; (kv = next(in, keys, "input " + index)) != null; ) {
            byte[] key = kv[0];
            byte[] value = kv[1];
            switch (key[0] & 0xff) {
                case 0x00 -> nonWitness = single(key, value, "previous transaction");
                case 0x01 -> witnessUtxo = single(key, value, "witness UTXO");
                case 0x02 -> sigs.add(new Psbt.PartialSig(Arrays.copyOfRange(key, 1, key.length), value));
                case 0x03 -> sighash = readUint32(single(key, value, "sighash type"));
                case 0x06 -> origins.add(origin(key, value));
                case 0x07 -> finalScriptSig = single(key, value, "final scriptSig");
                case 0x08 -> finalWitness = witness(single(key, value, "final witness"));
                default -> {
                    // fields this service does not use (redeem/witness scripts, hash preimages, proprietary ones)
                }
            }
        }
        return new Psbt.Input(nonWitness, witnessUtxo, sigs, sighash, origins, finalScriptSig, finalWitness);
    }

    private static Psbt.Output output(ByteBuffer in, int index) {
        List<KeyOrigin> origins = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (byte[][] kv; (kv = next(in, keys, "output " + index)) != null; ) {
            if ((kv[0][0] & 0xff) == 0x02) {
                origins.add(origin(kv[0], kv[1]));
            }
        }
        return new Psbt.Output(origins);
    }

    /** The next key and value of a map, or null at its separator; a key seen twice in one map is refused (BIP-174). */
    private static byte[][] next(ByteBuffer in, Set<String> seen, String map) {
        byte[] key = CompactSize.readBytes(in);
        if (key.length == 0) {
            return null;
        }
        if (!seen.add(HexFormat.of().formatHex(key))) {
            throw new PsbtFormatException("the " + map + " map has the same key twice");
        }
        return new byte[][]{key, CompactSize.readBytes(in)};
    }

    private static byte[] single(byte[] key, byte[] value, String what) {
        requireKeyLength(key, 1, what);
        return value;
    }

    private static void requireKeyLength(byte[] key, int length, String what) {
        if (key.length != length) {
            throw new PsbtFormatException("the key of the " + what + " has " + key.length + " bytes, not " + length);
        }
    }

    private static KeyOrigin origin(byte[] key, byte[] value) {
        if (value.length < 4 || value.length % 4 != 0) {
            throw new PsbtFormatException("a BIP-32 derivation is not a fingerprint and whole path elements");
        }
        ByteBuffer v = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
        byte[] fingerprint = new byte[4];
        v.get(fingerprint);
        List<Integer> path = new ArrayList<>();
        while (v.hasRemaining()) {
            path.add(v.getInt());
        }
        return new KeyOrigin(Arrays.copyOfRange(key, 1, key.length), fingerprint, path);
    }

    private static List<byte[]> witness(byte[] value) {
        ByteBuffer in = ByteBuffer.wrap(value);
        long count = CompactSize.read(in);
        List<byte[]> items = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            items.add(CompactSize.readBytes(in));
        }
        if (in.hasRemaining()) {
            throw new PsbtFormatException("the final witness has bytes after its last item");
        }
        return items;
    }

    private static long readUint32(byte[] value) {
        if (value.length != 4) {
            throw new PsbtFormatException("a 32-bit field has " + value.length + " bytes");
        }
        return ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
    }
}
