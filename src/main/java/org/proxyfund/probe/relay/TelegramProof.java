package org.proxyfund.probe.relay;

import org.proxyfund.probe.CheckResult;
import org.proxyfund.probe.Detail;
import org.proxyfund.probe.DownReason;
import org.proxyfund.probe.mtproto.DhProof;
import org.proxyfund.probe.mtproto.MtprotoMessages;
import org.proxyfund.probe.mtproto.Obfuscated2;
import org.proxyfund.probe.mtproto.ObfuscatedStream;
import org.proxyfund.probe.mtproto.PaddedIntermediate;
import org.proxyfund.probe.mtproto.TelegramRsaKey;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

/**
 * That a Telegram data centre answered over a stream (a tunnel through an endpoint, or a direct connection):
 * obfuscated2 without a secret, as clients open a DC, then req_pq_multi and req_DH_params. Only the holder of one of
 * Telegram's RSA keys can answer the second (see {@link DhProof}), so neither the endpoint nor anything it forwards
 * to instead can fake it. Timeouts propagate as SocketTimeoutException.
 */
final class TelegramProof {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TelegramProof() {
    }

    /** Null when the DC proved its key; else why not, as a DOWN with RELAY_FAILED. */
    static CheckResult run(InputStream in, OutputStream out, UserTarget target, List<TelegramRsaKey> keys, int maxReplyBytes)
            throws IOException {
        byte[] nonce = new byte[MtprotoMessages.NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        long messageId = MtprotoMessages.clientMessageId(System.currentTimeMillis());
        ObfuscatedStream stream = ObfuscatedStream.open(in, out,
                Obfuscated2.newHeader(RANDOM, Obfuscated2.TAG_PADDED_INTERMEDIATE, target.dc()), null);
        try {
            byte[] body = exchange(stream, MtprotoMessages.reqPqMulti(nonce, messageId), maxReplyBytes);
            if (MtprotoMessages.isTransportError(body)) return failed(target, Detail.of("tg_transport_error", MtprotoMessages.transportError(body)));
            MtprotoMessages.ResPq resPq = MtprotoMessages.parseResPq(body, nonce);
            TelegramRsaKey key = keys.stream()
                    .filter(k -> Arrays.stream(resPq.fingerprints()).anyMatch(f -> f == k.fingerprint())).findFirst().orElse(null);
            if (key == null) return failed(target, Detail.of("tg_not_telegram_keys"));
            DhProof proof = new DhProof(nonce, resPq, key, target.dc(), messageId + 4, RANDOM);
            byte[] answer = exchange(stream, proof.request(), maxReplyBytes);
            if (MtprotoMessages.isTransportError(answer) || proof.verify(answer) != DhProof.Verdict.TELEGRAM) {
                return failed(target, Detail.of("tg_no_proof"));
            }
            return null;
        } catch (EOFException e) {
            return failed(target, Detail.of(stream.received() == 0 ? "tg_never_answered" : "tg_broke_off"));
        } catch (ProtocolException e) {
            return failed(target, Detail.of("tg_not_telegram", e.getMessage()));
        }
    }

    private static byte[] exchange(ObfuscatedStream stream, byte[] message, int maxReplyBytes) throws IOException {
        stream.write(PaddedIntermediate.frame(message, RANDOM));
        stream.flush();
        return PaddedIntermediate.read(stream, maxReplyBytes);
    }

    private static CheckResult failed(UserTarget target, Detail what) {
        return CheckResult.down(DownReason.RELAY_FAILED, Detail.of("telegram_dc_failed", target.dc(), target.address(), what));
    }
}
