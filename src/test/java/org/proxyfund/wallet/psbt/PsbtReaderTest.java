package org.proxyfund.wallet.psbt;

import org.junit.jupiter.api.Test;
import org.proxyfund.common.testing.PlainLane;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hostile and malformed uploads are refused as PSBT format errors, never read into something else; ours round-trip. */
@PlainLane
class PsbtReaderTest {

    /** A 1-input, 1-output unsigned transaction (version 2, empty scriptSig, P2WPKH output, lock time 0). */
    static final byte[] TX = HexFormat.of().parseHex("02000000" + "01" + "11".repeat(32) + "00000000" + "00" + "fdffffff"
            + "01" + "a086010000000000" + "16" + "0014" + "22".repeat(20) + "00000000");

    static Psbt sample() {
        KeyOrigin origin = new KeyOrigin(HexFormat.of().parseHex("02" + "33".repeat(32)), HexFormat.of().parseHex("73c5da0a"),
                List.of(0x80000054, 0x80000001, 0x80000000, 0, 7));
        byte[] utxo = HexFormat.of().parseHex("40420f0000000000" + "16" + "0014" + "44".repeat(20));
        return new Psbt(TX, List.of(Psbt.Input.unsigned(null, utxo, List.of(origin))), List.of(new Psbt.Output(List.of())));
    }

    @Test
    void shouldReadBackExactlyWhatItWrites() {
        byte[] bytes = PsbtWriter.write(sample());
        Psbt read = PsbtReader.read(bytes);
        assertArrayEquals(TX, read.unsignedTx());
        assertEquals(sample().inputs().getFirst().origins(), read.inputs().getFirst().origins());
        assertEquals("m/84'/1'/0'/0/7", read.inputs().getFirst().origins().getFirst().pathText());
        assertArrayEquals(bytes, PsbtWriter.write(read));
        assertArrayEquals(bytes, PsbtWriter.write(PsbtReader.readBase64(PsbtWriter.base64(sample()))));
    }

    @Test
    void shouldRefuseMalformedUploads() {
        byte[] good = PsbtWriter.write(sample());
        assertRefused(Arrays.copyOf(good, good.length - 1), "truncated");
        byte[] badMagic = good.clone();
        badMagic[4] = 0x00;
        assertRefused(badMagic, "magic");
        byte[] trailing = Arrays.copyOf(good, good.length + 1);
        assertRefused(trailing, "bytes after the last map");
        assertRefused(withGlobalEntry(good, new byte[]{0x00}, TX), "the unsigned transaction twice");
        assertRefused(withGlobalEntry(good, new byte[]{(byte) 0xfb}, new byte[]{2, 0, 0, 0}), "PSBT version 2");
        assertRefused(psbtWithTx(HexFormat.of().parseHex("02000000" + "01" + "11".repeat(32) + "00000000" + "01" + "51"
                + "fdffffff" + "01" + "a086010000000000" + "16" + "0014" + "22".repeat(20) + "00000000")),
                "a scriptSig in the unsigned transaction");
        assertRefused("cHNidP8=".getBytes(), "base64 text handed to the binary reader");
        assertThrows(PsbtFormatException.class, () -> PsbtReader.readBase64("not base64 at all!"));
    }

    @Test
    void shouldReadAMinimalPsbtWithEmptyMaps() {
        Psbt p = PsbtReader.read(psbtWithTx(TX));
        assertEquals(1, p.inputs().size());
        assertEquals(null, p.inputs().getFirst().witnessUtxo());
    }

    @Test
    void shouldRefuseALengthNotWrittenInItsShortestForm() {
        byte[] good = PsbtWriter.write(sample());
        // the global unsigned-transaction key length 1 written as 0xfd 0x01 0x00
        byte[] padded = new byte[good.length + 2];
        System.arraycopy(good, 0, padded, 0, 5);
        padded[5] = (byte) 0xfd;
        padded[6] = 0x01;
        padded[7] = 0x00;
        System.arraycopy(good, 6, padded, 8, good.length - 6);
        PsbtFormatException e = assertThrows(PsbtFormatException.class, () -> PsbtReader.read(padded));
        assertTrue(e.getMessage().contains("shortest form"), e.getMessage());
    }

    private static void assertRefused(byte[] data, String what) {
        assertThrows(PsbtFormatException.class, () -> PsbtReader.read(data), what);
    }

    private static byte[] psbtWithTx(byte[] tx) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{0x70, 0x73, 0x62, 0x74, (byte) 0xff});
        CompactSize.writeBytes(out, new byte[]{0x00});
        CompactSize.writeBytes(out, tx);
        out.write(0);
        out.write(0);
        out.write(0);
        return out.toByteArray();
    }

    /** {@code good} with one more global entry inserted right after the unsigned transaction. */
    private static byte[] withGlobalEntry(byte[] good, byte[] key, byte[] value) {
        int afterTx = 5 + 1 + 1 + 1 + TX.length; // magic, key length, key, value length (1 byte), transaction
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(good, 0, afterTx);
        CompactSize.writeBytes(out, key);
        CompactSize.writeBytes(out, value);
        out.write(good, afterTx, good.length - afterTx);
        return out.toByteArray();
    }
}
