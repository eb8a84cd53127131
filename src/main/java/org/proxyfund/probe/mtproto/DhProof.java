package org.proxyfund.probe.mtproto;

import java.math.BigInteger;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

import static org.proxyfund.probe.wire.ByteParts.concat;
import static org.proxyfund.probe.wire.ByteParts.sha1;
import static org.proxyfund.probe.wire.ByteParts.sha256;

/**
 * The second step of MTProto's key exchange, used as proof that Telegram itself answered: req_DH_params carries a
 * fresh new_nonce encrypted (RSA_PAD) to one of Telegram's RSA keys, and only the holder of the private key can send
 * a server_DH_params_ok whose answer decrypts, with keys derived from new_nonce, to a server_DH_inner_data for us.
 * Public for relay/TelegramProof, which asks a data centre for the same proof through any relaying endpoint.
 */
public final class DhProof {

    /** req_DH_params#d712e4be. */
    public static final int REQ_DH_PARAMS = 0xd712e4be;
    /** p_q_inner_data_dc#a9f55f95. */
    public static final int P_Q_INNER_DATA_DC = 0xa9f55f95;
    /** server_DH_params_ok#d0e8075c. */
    public static final int SERVER_DH_PARAMS_OK = 0xd0e8075c;
    /** server_DH_params_fail#79cb045d. */
    public static final int SERVER_DH_PARAMS_FAIL = 0x79cb045d;
    /** server_DH_inner_data#b5890dba. */
    public static final int SERVER_DH_INNER_DATA = 0xb5890dba;

    /** What the answer to req_DH_params shows. */
    public enum Verdict {
        /** Encrypted with our new_nonce: the party holding Telegram's private key answered. */
        TELEGRAM,
        /** Well-framed but not decryptable with our new_nonce (or a refusal): not Telegram. */
        NOT_TELEGRAM
    }

    private final byte[] nonce;
    private final byte[] serverNonce;
    private final byte[] newNonce = new byte[32];
    private final byte[] request;

    /** Prepares req_DH_params for this resPQ; ProtocolException if its pq cannot be split into two factors. */
    public DhProof(byte[] nonce, MtprotoMessages.ResPq resPq, TelegramRsaKey key, int dc, long messageId, SecureRandom random)
            throws ProtocolException {
        this.nonce = nonce.clone();
        this.serverNonce = resPq.serverNonce().clone();
        BigInteger p = PqFactor.smallerFactor(resPq.pq(), random);
        if (p == null) throw new ProtocolException("the resPQ's pq is not a product of two factors we can find");
        BigInteger q = resPq.pq().divide(p);
        random.nextBytes(newNonce);
        byte[] inner = new TlWriter().int32(P_Q_INNER_DATA_DC).bytes(TelegramRsaKey.unsigned(resPq.pq()))
                .bytes(TelegramRsaKey.unsigned(p)).bytes(TelegramRsaKey.unsigned(q)).raw(nonce).raw(serverNonce).raw(newNonce)
                .int32(dc).toByteArray();
        byte[] encrypted = rsaPad(inner, key, random);
        byte[] body = new TlWriter().int32(REQ_DH_PARAMS).raw(nonce).raw(serverNonce).bytes(TelegramRsaKey.unsigned(p))
                .bytes(TelegramRsaKey.unsigned(q)).int64(key.fingerprint()).bytes(encrypted).toByteArray();
        this.request = new TlWriter().int64(0).int64(messageId).int32(body.length).raw(body).toByteArray();
    }

    /** The unencrypted message to send. */
    public byte[] request() {
        return request.clone();
    }

    /** Judges the answer; ProtocolException when it is not an answer to req_DH_params at all. */
    public Verdict verify(byte[] frameBody) throws ProtocolException {
        ByteBuffer in = ByteBuffer.wrap(frameBody).order(ByteOrder.LITTLE_ENDIAN);
        if (in.remaining() < 20 + 4 + 32 || in.getLong() != 0) throw new ProtocolException("the answer to req_DH_params is not an unencrypted message");
        in.getLong();
        int length = in.getInt();
        if (length < 36 || length > in.remaining()) throw new ProtocolException("the answer to req_DH_params has a wrong length");
        int constructor = in.getInt();
        byte[] echoed = new byte[32];
        in.get(echoed);
        if (!Arrays.equals(echoed, 0, 16, nonce, 0, 16) || !Arrays.equals(echoed, 16, 32, serverNonce, 0, 16)) {
            throw new ProtocolException("the answer to req_DH_params does not echo our nonces");
        }
        if (constructor == SERVER_DH_PARAMS_FAIL) return Verdict.NOT_TELEGRAM;
        if (constructor != SERVER_DH_PARAMS_OK) throw new ProtocolException(String.format("the answer to req_DH_params is constructor 0x%08x", constructor));
        byte[] encryptedAnswer = MtprotoMessages.readTlBytes(in);
        if (encryptedAnswer.length == 0 || encryptedAnswer.length % 16 != 0) return Verdict.NOT_TELEGRAM;
        byte[] ns = sha1(newNonce, serverNonce);
        byte[] sn = sha1(serverNonce, newNonce);
        byte[] key = concat(ns, Arrays.copyOf(sn, 12));
        byte[] iv = concat(Arrays.copyOfRange(sn, 12, 20), sha1(newNonce, newNonce), Arrays.copyOf(newNonce, 4));
        return isInnerDataForUs(AesIge.decrypt(encryptedAnswer, key, iv)) ? Verdict.TELEGRAM : Verdict.NOT_TELEGRAM;
    }

    /** SHA1(answer) + answer + 0..15 padding, where answer is a server_DH_inner_data echoing our nonces. */
    private boolean isInnerDataForUs(byte[] withHash) {
        if (withHash.length < 20 + 4 + 32 + 4) return false;
        ByteBuffer answer = ByteBuffer.wrap(withHash, 20, withHash.length - 20).slice().order(ByteOrder.LITTLE_ENDIAN);
        try {
            if (answer.remaining() < 4 + 32 + 4 || answer.getInt() != SERVER_DH_INNER_DATA) return false;
            byte[] echoed = new byte[32];
            answer.get(echoed);
            if (!Arrays.equals(echoed, concat(nonce, serverNonce))) return false;
            answer.getInt();
            MtprotoMessages.readTlBytes(answer);
            MtprotoMessages.readTlBytes(answer);
            if (answer.remaining() < 4) return false;
            answer.getInt();
            int length = answer.position();
            if (answer.remaining() > 15) return false;
            return MessageDigest.isEqual(Arrays.copyOf(withHash, 20), sha1(Arrays.copyOfRange(withHash, 20, 20 + length)));
        } catch (ProtocolException e) {
            return false;
        }
    }

    /** RSA_PAD: pad to 192 bytes, reverse, hash with a temporary AES key, AES-IGE, mask the key, then raw RSA. */
    static byte[] rsaPad(byte[] data, TelegramRsaKey key, SecureRandom random) {
        if (data.length > 144) throw new IllegalArgumentException("RSA_PAD takes at most 144 bytes");
        byte[] padded = Arrays.copyOf(data, 192);
        byte[] tail = new byte[192 - data.length];
        random.nextBytes(tail);
        System.arraycopy(tail, 0, padded, data.length, tail.length);
        byte[] reversed = padded.clone();
        for (int i = 0; i < reversed.length; i++) reversed[i] = padded[padded.length - 1 - i];
        while (true) {
            byte[] tempKey = new byte[32];
            random.nextBytes(tempKey);
            byte[] withHash = concat(reversed, sha256(tempKey, padded));
            byte[] aesEncrypted = AesIge.encrypt(withHash, tempKey, new byte[32]);
            byte[] mask = sha256(aesEncrypted);
            for (int i = 0; i < 32; i++) tempKey[i] ^= mask[i];
            BigInteger value = new BigInteger(1, concat(tempKey, aesEncrypted));
            if (value.compareTo(key.modulus()) >= 0) continue;
            byte[] encrypted = TelegramRsaKey.unsigned(value.modPow(key.exponent(), key.modulus()));
            byte[] fixed = new byte[256];
            System.arraycopy(encrypted, 0, fixed, 256 - encrypted.length, encrypted.length);
            return fixed;
        }
    }
}
