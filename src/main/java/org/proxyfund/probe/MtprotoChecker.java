package org.proxyfund.probe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.endpoint.HostGuard;
import org.proxyfund.endpoint.HostVerdict;
import org.proxyfund.endpoint.MonitorCredential;
import org.proxyfund.probe.mtproto.FakeTlsHello;
import org.proxyfund.probe.mtproto.MtprotoMessages;
import org.proxyfund.probe.mtproto.Obfuscated2;
import org.proxyfund.probe.mtproto.ObfuscatedStream;
import org.proxyfund.probe.mtproto.PaddedIntermediate;
import org.proxyfund.probe.mtproto.TlsRecordInputStream;
import org.proxyfund.probe.mtproto.TlsRecordOutputStream;
import org.proxyfund.probe.mtproto.TlsRecords;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * MTProto proxy check: obfuscated2 with the issued secret (inside fake TLS when the endpoint has a domain, else the
 * {@code dd} padded-intermediate form), then req_pq_multi to a Telegram DC through the proxy; UP only for a well-formed
 * resPQ echoing our nonce. There is no canary: the DC is the target, so UP proves the proxy relays to Telegram.
 */
@ApplicationScoped
public class MtprotoChecker implements Checker {

    private final HostGuard guard;
    private final ProbeConfig config;
    private final MtprotoConfig mtproto;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public MtprotoChecker(HostGuard guard, ProbeConfig config, MtprotoConfig mtproto) {
        this(guard, config, mtproto, Clock.systemUTC());
    }

    /** With a clock of the caller's: the fake-TLS hello carries the time, which proxies check. */
    MtprotoChecker(HostGuard guard, ProbeConfig config, MtprotoConfig mtproto, Clock clock) {
        this.guard = guard;
        this.config = config;
        this.mtproto = mtproto;
        this.clock = clock;
    }

    @Override
    public EndpointType type() {
        return EndpointType.MTPROTO;
    }

    @Override
    public CheckResult check(CheckTarget target) {
        byte[] secret = HexFormat.of().parseHex(target.credential().get(MonitorCredential.SECRET).orElseThrow());
        String domain = fakeTlsDomain(target.credential(), secret);
        HostVerdict verdict = guard.check(target.host());
        if (!verdict.allowed()) return CheckResult.down(DownReason.BLOCKED_TARGET, verdict.message());
        // Connect to the address the guard approved, not the name, so DNS cannot change between guard and connect.
        InetSocketAddress address = new InetSocketAddress(verdict.addresses().getFirst(), target.port());
        long started = System.nanoTime();
        try (Socket socket = new Socket()) {
            try {
                socket.connect(address, (int) config.connectTimeout().toMillis());
            } catch (SocketTimeoutException e) {
                return CheckResult.down(DownReason.TIMEOUT, "no TCP connection within " + config.connectTimeout().toMillis() + " ms");
            } catch (IOException e) {
                return CheckResult.down(DownReason.CONNECT_REFUSED, "TCP connection failed: " + e.getMessage());
            }
            socket.setSoTimeout((int) config.ioTimeout().toMillis());
            socket.setTcpNoDelay(true);
            return new MtprotoExchange(new BufferedInputStream(socket.getInputStream()), socket.getOutputStream(), secret, domain)
                    .run(started);
        } catch (IOException e) {
            return CheckResult.down(DownReason.RELAY_FAILED, "connection failed: " + e.getMessage());
        }
    }

    /** The domain to front when an ee secret was issued (ee + secret + hex(domain)); null for the dd form. */
    private static String fakeTlsDomain(MonitorCredential credential, byte[] secret) {
        return credential.get(MonitorCredential.SECRET_EE).map(ee -> {
            byte[] decoded = HexFormat.of().parseHex(ee.substring(2));
            if (!ee.startsWith("ee") || decoded.length <= secret.length || !Arrays.equals(decoded, 0, secret.length, secret, 0, secret.length)) {
                throw new IllegalArgumentException("the issued ee secret does not match the issued secret");
            }
            return new String(decoded, secret.length, decoded.length - secret.length, StandardCharsets.US_ASCII);
        }).orElse(null);
    }

    /** One check's conversation with the proxy, after the TCP connection is up. */
    private final class MtprotoExchange {
        private InputStream in;
        private OutputStream out;
        private final byte[] secret;
        private final String domain;
        private final String form;

        MtprotoExchange(InputStream in, OutputStream out, byte[] secret, String domain) {
            this.in = in;
            this.out = out;
            this.secret = secret;
            this.domain = domain;
            this.form = domain == null ? "dd" : "ee (fake TLS for " + domain + ")";
        }

        CheckResult run(long started) throws IOException {
            try {
                if (domain != null) {
                    CheckResult refused = fakeTlsHandshake();
                    if (refused != null) return refused;
                }
                return requestPq(started);
            } catch (SocketTimeoutException e) {
                return CheckResult.down(DownReason.TIMEOUT, "no answer within " + config.ioTimeout().toMillis() + " ms"
                        + (domain == null ? " (MTProxy ignores a client whose secret it does not know, so the secret may be wrong)" : ""));
            }
        }

        /** Null when the server proved it knows our secret; then the obfuscated2 stream runs inside TLS records. */
        private CheckResult fakeTlsHandshake() throws IOException {
            byte[] hello = FakeTlsHello.build(secret, domain, clock.instant().getEpochSecond(), random);
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

        private CheckResult requestPq(long started) throws IOException {
            byte[] nonce = new byte[MtprotoMessages.NONCE_BYTES];
            random.nextBytes(nonce);
            ObfuscatedStream stream = null;
            byte[] body;
            try {
                stream = ObfuscatedStream.open(in, out, Obfuscated2.newHeader(random, Obfuscated2.TAG_PADDED_INTERMEDIATE, mtproto.dcId()), secret);
                stream.write(PaddedIntermediate.frame(MtprotoMessages.reqPqMulti(nonce, MtprotoMessages.clientMessageId(clock.millis())), random));
                stream.flush();
                body = PaddedIntermediate.read(stream, mtproto.maxReplyBytes());
            } catch (SocketTimeoutException e) {
                throw e;
            } catch (ProtocolException e) {
                return CheckResult.down(DownReason.PROTOCOL_ERROR, e.getMessage());
            } catch (IOException e) {
                return closed(stream == null ? 0 : stream.received());
            }
            if (MtprotoMessages.isTransportError(body)) {
                return CheckResult.down(DownReason.RELAY_FAILED, "the data centre answered transport error "
                        + MtprotoMessages.transportError(body) + ": what reached it was not our request");
            }
            try {
                MtprotoMessages.parseResPq(body, nonce);
            } catch (ProtocolException e) {
                return CheckResult.down(DownReason.PROTOCOL_ERROR, e.getMessage());
            }
            return new CheckResult(CheckStatus.UP, null, Duration.ofNanos(System.nanoTime() - started), false,
                    "resPQ from Telegram DC " + mtproto.dcId() + " through the proxy, " + form + " form");
        }

        /** The proxy closed the connection after our obfuscated2 header and request. */
        private CheckResult closed(long received) {
            if (received > 0) return CheckResult.down(DownReason.RELAY_FAILED, "the connection broke off in the middle of the reply");
            if (domain != null) {
                return CheckResult.down(DownReason.RELAY_FAILED, "the proxy proved it knows the secret (fake-TLS HMAC) but closed the connection "
                        + "without an answer from DC " + mtproto.dcId() + ": it did not relay to Telegram");
            }
            return CheckResult.down(DownReason.AUTH_REJECTED, "the proxy closed the connection without answering: that is how a proxy drops "
                    + "a client whose secret it does not know (it would do the same if it could not reach Telegram)");
        }
    }
}
