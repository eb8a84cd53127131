package org.proxyfund.probe;

import org.proxyfund.probe.mtproto.DhProof;
import org.proxyfund.probe.mtproto.FakeTlsHello;
import org.proxyfund.probe.mtproto.MtprotoMessages;
import org.proxyfund.probe.mtproto.Obfuscated2;
import org.proxyfund.probe.mtproto.ObfuscatedStream;
import org.proxyfund.probe.mtproto.PaddedIntermediate;
import org.proxyfund.probe.mtproto.TelegramRsaKey;
import org.proxyfund.probe.mtproto.TlsRecordInputStream;
import org.proxyfund.probe.mtproto.TlsRecordOutputStream;
import org.proxyfund.probe.mtproto.TlsRecords;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** One MTProto check's conversation with a connected proxy; timeouts propagate as SocketTimeoutException. */
final class MtprotoExchange {

    private static final SecureRandom RANDOM = new SecureRandom();

    private InputStream in;
    private OutputStream out;
    private final byte[] secret;
    private final String domain;
    private final MtprotoConfig mtproto;
    private final List<TelegramRsaKey> telegramKeys;
    private final Clock clock;
    private ObfuscatedStream stream;

    MtprotoExchange(InputStream in, OutputStream out, byte[] secret, String domain, MtprotoConfig mtproto,
                    List<TelegramRsaKey> telegramKeys, Clock clock) {
        this.in = in;
        this.out = out;
        this.secret = secret;
        this.domain = domain;
        this.mtproto = mtproto;
        this.telegramKeys = telegramKeys;
        this.clock = clock;
    }

    CheckResult run(long started) throws IOException {
        if (domain != null) {
            CheckResult refused = fakeTlsHandshake();
            if (refused != null) return refused;
        }
        byte[] nonce = new byte[MtprotoMessages.NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        long messageId = MtprotoMessages.clientMessageId(clock.millis());
        try {
            stream = ObfuscatedStream.open(in, out, Obfuscated2.newHeader(RANDOM, Obfuscated2.TAG_PADDED_INTERMEDIATE, mtproto.dcId()), secret);
            byte[] body = exchange(MtprotoMessages.reqPqMulti(nonce, messageId));
            if (MtprotoMessages.isTransportError(body)) return transportError(body);
            MtprotoMessages.ResPq resPq = MtprotoMessages.parseResPq(body, nonce);
            TelegramRsaKey key = telegramKeys.stream()
                    .filter(k -> Arrays.stream(resPq.fingerprints()).anyMatch(f -> f == k.fingerprint())).findFirst().orElse(null);
            if (key == null) {
                return CheckResult.down(DownReason.RELAY_FAILED, "the resPQ lists none of Telegram's RSA keys: whatever answered is not Telegram");
            }
            DhProof proof = new DhProof(nonce, resPq, key, mtproto.dcId(), messageId + 4, RANDOM);
            byte[] answer = exchange(proof.request());
            if (MtprotoMessages.isTransportError(answer)) return transportError(answer);
            if (proof.verify(answer) != DhProof.Verdict.TELEGRAM) {
                return CheckResult.down(DownReason.RELAY_FAILED, "the answer to req_DH_params is not encrypted with our new_nonce: "
                        + "whatever answered does not hold Telegram's RSA key");
            }
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (ProtocolException e) {
            return CheckResult.down(DownReason.PROTOCOL_ERROR, e.getMessage());
        } catch (IOException e) {
            return closed(stream == null ? 0 : stream.received());
        }
        return new CheckResult(CheckStatus.UP, null, Duration.ofNanos(System.nanoTime() - started), false,
                "Telegram DC " + mtproto.dcId() + " proved its RSA key through the proxy, "
                        + (domain == null ? "dd form" : "ee (fake TLS for " + domain + ") form"));
    }

    private byte[] exchange(byte[] message) throws IOException {
        stream.write(PaddedIntermediate.frame(message, RANDOM));
        stream.flush();
        return PaddedIntermediate.read(stream, mtproto.maxReplyBytes());
    }

    /** Null when the server proved it knows our secret; then the obfuscated2 stream runs inside TLS records. */
    private CheckResult fakeTlsHandshake() throws IOException {
        byte[] hello = FakeTlsHello.build(secret, domain, clock.instant().getEpochSecond(), RANDOM);
        byte[] clientRandom = Arrays.copyOfRange(hello, FakeTlsHello.RANDOM_OFFSET, FakeTlsHello.RANDOM_OFFSET + FakeTlsHello.RANDOM_BYTES);
        TlsRecords.Reply reply;
        try {
            out.write(hello);
            out.flush();
            reply = TlsRecords.readServerReply(in, secret, clientRandom);
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (ProtocolException e) {
            return CheckResult.down(DownReason.PROTOCOL_ERROR, "the answer to our fake-TLS hello: " + e.getMessage());
        } catch (IOException e) {
            return CheckResult.down(DownReason.AUTH_REJECTED, "the endpoint closed the connection instead of answering our fake-TLS hello: "
                    + "the issued secret is not configured for " + domain);
        }
        if (reply == TlsRecords.Reply.NOT_OUR_SECRET) {
            return CheckResult.down(DownReason.AUTH_REJECTED, "a TLS server answered without our secret's HMAC: the proxy does not know "
                    + "the issued secret (real proxies hand such clients to " + domain + ")");
        }
        in = new TlsRecordInputStream(in);
        out = new TlsRecordOutputStream(out, true);
        return null;
    }

    private static CheckResult transportError(byte[] body) {
        return CheckResult.down(DownReason.RELAY_FAILED, "the data centre answered transport error "
                + MtprotoMessages.transportError(body) + ": what reached it was not our request");
    }

    /** The proxy closed the connection after our obfuscated2 header and request. */
    private CheckResult closed(long received) {
        if (received > 0) return CheckResult.down(DownReason.RELAY_FAILED, "the connection broke off before the data centre's answer was complete");
        if (domain != null) {
            return CheckResult.down(DownReason.RELAY_FAILED, "the proxy proved it knows the secret (fake-TLS HMAC) but closed the connection "
                    + "without an answer from DC " + mtproto.dcId() + ": it did not relay to Telegram");
        }
        return CheckResult.down(DownReason.AUTH_REJECTED, "the proxy closed the connection without answering: that is how a proxy drops "
                + "a client whose secret it does not know (it would do the same if it could not reach Telegram)");
    }
}
