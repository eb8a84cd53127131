package org.proxyfund.probe.mtproto;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fake-TLS ClientHello and the check of the server's answer, against HMACs computed here with the JDK directly. */
@PlainLane
class FakeTlsHelloTest {

    private static final byte[] SECRET = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
    private final SecureRandom random = new SecureRandom();

    @Test
    void shouldLookLikeATelegramClientHelloWithTheDomainAsSni() {
        byte[] hello = FakeTlsHello.build(SECRET, "cdn.example.org", 1_700_000_000L, random);
        assertEquals(FakeTlsHello.RECORD_BYTES, hello.length);
        assertEquals("1603010200", HexFormat.of().formatHex(hello, 0, 5), "record header: handshake, 512 bytes");
        assertEquals(1, hello[5], "ClientHello");
        assertEquals(32, hello[43], "32-byte session id");
        String text = new String(hello, StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("\u0000\u0000\u0000\u0014\u0000\u0012\u0000\u0000\u000fcdn.example.org"), "server_name extension");
    }

    @Test
    void shouldCarryTheHmacOfTheRecordAndTheTimeInItsRandom() throws Exception {
        long now = 1_700_000_123L;
        byte[] hello = FakeTlsHello.build(SECRET, "cdn.example.org", now, random);
        byte[] random = Arrays.copyOfRange(hello, 11, 43);
        byte[] zeroed = hello.clone();
        Arrays.fill(zeroed, 11, 43, (byte) 0);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        byte[] digest = mac.doFinal(zeroed);
        assertArrayEquals(Arrays.copyOf(digest, 28), Arrays.copyOf(random, 28));
        long time = 0;
        for (int i = 0; i < 4; i++) time |= (long) ((digest[28 + i] ^ random[28 + i]) & 0xFF) << (8 * i);
        assertEquals(now, time);
    }

    @Test
    void shouldAcceptOnlyAServerAnswerCarryingOurSecretsHmac() throws Exception {
        byte[] clientRandom = new byte[32];
        random.nextBytes(clientRandom);
        byte[] answer = serverAnswer();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        mac.update(clientRandom);
        System.arraycopy(mac.doFinal(answer), 0, answer, 11, 32);
        assertEquals(TlsRecords.Reply.OUR_SECRET, TlsRecords.readServerReply(new ByteArrayInputStream(answer), SECRET, clientRandom));

        byte[] tampered = answer.clone();
        tampered[tampered.length - 1] ^= 1;
        assertEquals(TlsRecords.Reply.NOT_OUR_SECRET, TlsRecords.readServerReply(new ByteArrayInputStream(tampered), SECRET, clientRandom));
        byte[] otherSecret = SECRET.clone();
        otherSecret[0] ^= 1;
        assertEquals(TlsRecords.Reply.NOT_OUR_SECRET, TlsRecords.readServerReply(new ByteArrayInputStream(answer), otherSecret, clientRandom));
        byte[] alert = {0x15, 3, 3, 0, 2, 2, 40};
        assertEquals(TlsRecords.Reply.NOT_OUR_SECRET, TlsRecords.readServerReply(new ByteArrayInputStream(alert), SECRET, clientRandom));
    }

    @Test
    void shouldFrameTheStreamAsApplicationDataAfterOneChangeCipherSpec() throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        TlsRecordOutputStream out = new TlsRecordOutputStream(wire, true);
        out.write(new byte[]{1, 2, 3});
        out.flush();
        out.write(new byte[]{4});
        out.flush();
        assertEquals("140303000101" + "170303000301020317030300010" + "4", HexFormat.of().formatHex(wire.toByteArray()));
        TlsRecordInputStream in = new TlsRecordInputStream(new ByteArrayInputStream(wire.toByteArray()));
        assertArrayEquals(new byte[]{1, 2, 3, 4}, in.readNBytes(4));
    }

    /** ServerHello (random zero) + ChangeCipherSpec + ApplicationData, shaped as MTProxy sends them. */
    private byte[] serverAnswer() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(HexFormat.of().parseHex("160303007a" + "02000076" + "0303"));
        out.writeBytes(new byte[32]);
        out.write(32);
        out.writeBytes(new byte[32]);
        out.writeBytes(HexFormat.of().parseHex("130100002e00330024001d0020"));
        out.writeBytes(new byte[32]);
        out.writeBytes(HexFormat.of().parseHex("002b00020304" + "140303000101" + "1703030010"));
        out.writeBytes(new byte[16]);
        return out.toByteArray();
    }
}
