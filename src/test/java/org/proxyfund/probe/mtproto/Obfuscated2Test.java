package org.proxyfund.probe.mtproto;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.Test;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * obfuscated2 key derivation against a known vector computed outside this code (Python hashlib for SHA-256, the
 * openssl command line for AES-256-CTR) from the spec's steps, for header = bytes 0..63 and secret = a0..af.
 */
@PlainLane
class Obfuscated2Test {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] HEADER = new byte[64];
    private static final byte[] SECRET = HEX.parseHex("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf");

    static {
        for (int i = 0; i < 64; i++) HEADER[i] = (byte) i;
    }

    @Test
    void shouldDeriveTheKeysOfTheKnownVector() {
        Obfuscated2.Keys keys = Obfuscated2.clientKeys(HEADER, SECRET);
        // SHA-256(header[8..40) || secret), counter header[40..56)
        assertEquals("2ba9f0ba6afed344f985183380527b23ed733b213cb55fc33d6665a8139ddee3", HEX.formatHex(keys.encryptKey()));
        assertEquals("28292a2b2c2d2e2f3031323334353637", HEX.formatHex(keys.encryptIv()));
        // the same on header[8..56) reversed: SHA-256(bytes 55 down to 24 || secret), counter bytes 23 down to 8
        assertEquals("8705838f7ff345a7f4cc2f53d7eba9f0f5531c70755898fba3be70f902bf2968", HEX.formatHex(keys.decryptKey()));
        assertEquals("17161514131211100f0e0d0c0b0a0908", HEX.formatHex(keys.decryptIv()));
    }

    @Test
    void shouldUseTheRawKeyMaterialWithoutASecret() {
        Obfuscated2.Keys keys = Obfuscated2.clientKeys(HEADER, null);
        assertArrayEquals(java.util.Arrays.copyOfRange(HEADER, 8, 40), keys.encryptKey());
    }

    @Test
    void shouldSendTheHeaderWithOnlyItsLastEightBytesEncrypted() throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        ObfuscatedStream.open(new ByteArrayInputStream(new byte[0]), wire, HEADER, SECRET);
        // openssl enc -aes-256-ctr -K <encKey> -iv <encIv> over the 64 bytes: bytes 56..64 of its output
        assertEquals(HEX.formatHex(HEADER, 0, 56) + "36348ae844d855a9", HEX.formatHex(wire.toByteArray()));
    }

    @Test
    void shouldContinueBothCountersAfterTheHeader() throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        byte[] reply = "resPQ from the proxy".getBytes(StandardCharsets.US_ASCII);
        // What a server sends: encrypted with the client's decrypt key from counter 0 (its first bytes to us).
        byte[] sent = jdkCtr("8705838f7ff345a7f4cc2f53d7eba9f0f5531c70755898fba3be70f902bf2968", "17161514131211100f0e0d0c0b0a0908").doFinal(reply);
        ObfuscatedStream stream = ObfuscatedStream.open(new ByteArrayInputStream(sent), wire, HEADER, SECRET);
        stream.write("req".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(reply, stream.read(reply.length));
        // Our first bytes after the header use the encrypt stream from byte 64 on.
        Cipher server = jdkCtr("2ba9f0ba6afed344f985183380527b23ed733b213cb55fc33d6665a8139ddee3", "28292a2b2c2d2e2f3031323334353637");
        byte[] decrypted = server.update(wire.toByteArray());
        assertEquals("req", new String(decrypted, 64, 3, StandardCharsets.US_ASCII));
    }

    @Test
    void shouldRefuseHeadersThatReadAsAnotherTransport() {
        for (String start : new String[]{"ef000000", "48454144", "504f5354", "47455420", "4f505449", "dddddddd", "eeeeeeee", "16030102"}) {
            assertFalse(Obfuscated2.isAllowedStart(header(start + "01020304")), start);
        }
        assertFalse(Obfuscated2.isAllowedStart(header("0102030400000000")), "second word zero");
        assertTrue(Obfuscated2.isAllowedStart(header("0102030400000001")));
    }

    @Test
    void shouldDrawAgainUntilTheHeaderIsAllowedAndPlaceTagAndDcId() {
        Deque<byte[]> draws = new ArrayDeque<>();
        draws.add(header("474554200a0b0c0d"));
        draws.add(header("0102030405060708"));
        SecureRandom scripted = new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(draws.remove(), 0, bytes, 0, bytes.length);
            }
        };
        byte[] header = Obfuscated2.newHeader(scripted, Obfuscated2.TAG_PADDED_INTERMEDIATE, (short) -2);
        assertEquals("0102030405060708", HEX.formatHex(header, 0, 8));
        assertEquals("ddddddddfeff", HEX.formatHex(header, 56, 62));
    }

    private static byte[] header(String startHex) {
        byte[] header = new byte[64];
        byte[] start = HEX.parseHex(startHex);
        System.arraycopy(start, 0, header, 0, start.length);
        return header;
    }

    private static Cipher jdkCtr(String keyHex, String ivHex) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(HEX.parseHex(keyHex), "AES"), new IvParameterSpec(HEX.parseHex(ivHex)));
        return cipher;
    }
}
