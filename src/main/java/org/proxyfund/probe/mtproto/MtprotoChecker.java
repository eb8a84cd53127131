package org.proxyfund.probe.mtproto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.endpoint.HostGuard;
import org.proxyfund.endpoint.HostVerdict;
import org.proxyfund.endpoint.MonitorCredential;
import org.proxyfund.probe.CheckResult;
import org.proxyfund.probe.CheckTarget;
import org.proxyfund.probe.Checker;
import org.proxyfund.probe.Detail;
import org.proxyfund.probe.DownReason;
import org.proxyfund.probe.ProbeConfig;
import org.proxyfund.probe.wire.ProbeSockets;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * MTProto proxy check: obfuscated2 with the issued secret (inside fake TLS when the endpoint has a domain, else the
 * {@code dd} padded-intermediate form), then the first two steps of MTProto's key exchange with a Telegram DC through
 * the proxy: UP only when the DC answers req_DH_params with data only the holder of Telegram's RSA key can produce.
 * There is no canary: the DC is the target, so UP proves the proxy relays to Telegram.
 */
@ApplicationScoped
public class MtprotoChecker implements Checker {

    private final HostGuard guard;
    private final ProbeConfig config;
    private final MtprotoConfig mtproto;
    private final List<TelegramRsaKey> telegramKeys;
    private final Clock clock;

    @Inject
    public MtprotoChecker(HostGuard guard, ProbeConfig config, MtprotoConfig mtproto) {
        this(guard, config, mtproto, Clock.systemUTC());
    }

    /** With a clock of the caller's: the fake-TLS hello carries the time, which proxies check. */
    MtprotoChecker(HostGuard guard, ProbeConfig config, MtprotoConfig mtproto, Clock clock) {
        this.guard = guard;
        this.config = config;
        this.mtproto = mtproto;
        this.telegramKeys = mtproto.serverPublicKeys().stream().map(TelegramRsaKey::fromPkcs1).toList();
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
            CheckResult refused = ProbeSockets.connect(socket, address, config);
            if (refused != null) return refused;
            MtprotoExchange exchange = new MtprotoExchange(new BufferedInputStream(socket.getInputStream()), socket.getOutputStream(),
                    secret, domain, mtproto, telegramKeys, clock);
            try {
                return exchange.run(started);
            } catch (SocketTimeoutException e) {
                return CheckResult.down(DownReason.TIMEOUT,
                        Detail.of(domain == null ? "mtproto_timeout_dd" : "mtproto_timeout", config.ioTimeout().toMillis()));
            }
        } catch (IOException e) {
            return CheckResult.down(DownReason.RELAY_FAILED, Detail.of("connection_failed", e.getMessage()));
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
}
