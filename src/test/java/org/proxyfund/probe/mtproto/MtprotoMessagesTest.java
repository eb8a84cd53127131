package org.proxyfund.probe.mtproto;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** req_pq_multi as sent, resPQ as accepted and refused, and the padded intermediate frame around them. */
@PlainLane
class MtprotoMessagesTest {

    private static final byte[] NONCE = HexFormat.of().parseHex("3e0549828cca27e966b301a48fece2fc");

    @Test
    void shouldWriteReqPqMultiAsAnUnencryptedMessage() {
        byte[] message = MtprotoMessages.reqPqMulti(NONCE, 0x51e57ac42770964aL);
        assertEquals("0000000000000000" + "4a967027c47ae551" + "14000000" + "f18e7ebe" + "3e0549828cca27e966b301a48fece2fc",
                HexFormat.of().formatHex(message));
    }

    @Test
    void shouldMakeClientMessageIdsFromTheTimeDivisibleByFour() {
        long id = MtprotoMessages.clientMessageId(1_700_000_000_500L);
        assertEquals(1_700_000_000L, id >>> 32);
        assertEquals(0, id & 3);
        assertTrue((id & 0xFFFFFFFFL) > 0x7F000000L, "half a second is about 2^31 in the low word");
    }

    @Test
    void shouldAcceptAWellFormedResPqEchoingOurNonce() throws ProtocolException {
        MtprotoMessages.ResPq resPq = MtprotoMessages.parseResPq(resPq(NONCE, MtprotoMessages.VECTOR, 1, 1), NONCE);
        assertEquals(new BigInteger("17ED48941A08F981", 16), resPq.pq());
        assertArrayEquals(new long[]{0xc3b42b026ce86b21L}, resPq.fingerprints());
    }

    @Test
    void shouldRefuseWhatIsNotAWellFormedResPqForUs() {
        assertRefused(resPq(new byte[16], MtprotoMessages.VECTOR, 1, 1), "nonce");
        assertRefused(resPq(NONCE, 0x12345678, 1, 1), "vector");
        assertRefused(resPq(NONCE, MtprotoMessages.VECTOR, 0, 1), "0 key fingerprints");
        assertRefused(resPq(NONCE, MtprotoMessages.VECTOR, 2, 1), "too short");
        assertRefused(resPq(NONCE, MtprotoMessages.VECTOR, 1, 0), "server response");
        byte[] keyed = resPq(NONCE, MtprotoMessages.VECTOR, 1, 1);
        keyed[0] = 1;
        assertRefused(keyed, "auth_key_id");
        assertRefused(new byte[12], "too short");
    }

    @Test
    void shouldCountPaddingInTheFrameLengthAndReadTheBodyBack() throws Exception {
        byte[] payload = MtprotoMessages.reqPqMulti(NONCE, 4);
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 50; i++) {
            byte[] frame = PaddedIntermediate.frame(payload, random);
            int length = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN).getInt();
            assertEquals(frame.length - 4, length);
            assertTrue(length >= payload.length && length <= payload.length + 15, "padding 0..15: " + length);
            assertArrayEquals(payload, java.util.Arrays.copyOfRange(frame, 4, 4 + payload.length));
        }
    }

    private static void assertRefused(byte[] body, String why) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> MtprotoMessages.parseResPq(body, NONCE));
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    /** A resPQ built by hand from the TL schema (pq = 0x17ED48941A08F981 as in Telegram's documented example). */
    private static byte[] resPq(byte[] nonce, int vector, int declaredCount, int messageIdLowBits) {
        ByteBuffer data = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        data.putInt(0x05162463).put(nonce).put(HexFormat.of().parseHex("a5cf4d33f4a11ea877ba4aa573907330"));
        data.put((byte) 8).put(HexFormat.of().parseHex("17ed48941a08f981")).put(new byte[3]);
        data.putInt(vector).putInt(declaredCount).putLong(0xc3b42b026ce86b21L);
        ByteBuffer message = ByteBuffer.allocate(84).order(ByteOrder.LITTLE_ENDIAN);
        message.putLong(0).putLong(0x51e57ac91bd8d000L | messageIdLowBits).putInt(64).put(data.array());
        return message.array();
    }
}
