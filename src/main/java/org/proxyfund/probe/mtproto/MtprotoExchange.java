package org.proxyfund.probe.mtproto;

import org.proxyfund.probe.CheckResult;
import org.proxyfund.probe.CheckStatus;
import org.proxyfund.probe.Detail;
import org.proxyfund.probe.DownReason;

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
                return CheckResult.down(DownReason.RELAY_FAILED, Detail.of("mtproto_not_telegram_keys"));
            }
            DhProof proof = new DhProof(nonce, resPq, key, mtproto.dcId(), messageId + 4, RANDOM);
            byte[] answer = exchange(proof.request());
            if (MtprotoMessages.isTransportError(answer)) return transportError(answer);
            if (proof.verify(answer) != DhProof.Verdict.TELEGRAM) {
                return CheckResult.down(DownReason.RELAY_FAILED, Detail.of("mtproto_not_new_nonce"));
            }
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (ProtocolException e) {
            return CheckResult.down(DownReason.PROTOCOL_ERROR, Detail.of("verbatim", e.getMessage()));
        } catch (IOException e) {
            return closed(stream == null ? 0 : stream.received());
        }
        return new CheckResult(CheckStatus.UP, null, Duration.ofNanos(System.nanoTime() - started), false,
                domain == null ? Detail.of("mtproto_up_dd", mtproto.dcId()) : Detail.of("mtproto_up_ee", mtproto.dcId(), domain));
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
            return CheckResult.down(DownReason.PROTOCOL_ERROR, Detail.of("faketls_bad_answer", e.getMessage()));
        } catch (IOException e) {
            return CheckResult.down(DownReason.AUTH_REJECTED, Detail.of("faketls_closed", domain));
        }
        if (reply == TlsRecords.Reply.NOT_OUR_SECRET) {
            return CheckResult.down(DownReason.AUTH_REJECTED, Detail.of("faketls_not_our_secret", domain));
        }
        in = new TlsRecordInputStream(in);
        out = new TlsRecordOutputStream(out, true);
        return null;
    }

    private static CheckResult transportError(byte[] body) {
        return CheckResult.down(DownReason.RELAY_FAILED, Detail.of("mtproto_transport_error", MtprotoMessages.transportError(body)));
    }

    /** The proxy closed the connection after our obfuscated2 header and request. */
    private CheckResult closed(long received) {
        if (received > 0) return CheckResult.down(DownReason.RELAY_FAILED, Detail.of("mtproto_cut_short"));
        if (domain != null) {
            return CheckResult.down(DownReason.RELAY_FAILED, Detail.of("mtproto_closed_after_hmac", mtproto.dcId()));
        }
        return CheckResult.down(DownReason.AUTH_REJECTED, Detail.of("mtproto_closed_unknown_secret"));
    }
}
