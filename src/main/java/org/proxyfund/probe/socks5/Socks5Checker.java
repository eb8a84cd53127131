package org.proxyfund.probe.socks5;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.endpoint.HostGuard;
import org.proxyfund.endpoint.MonitorCredential;
import org.proxyfund.probe.CheckResult;
import org.proxyfund.probe.CheckTarget;
import org.proxyfund.probe.Checker;
import org.proxyfund.probe.Detail;
import org.proxyfund.probe.DownReason;
import org.proxyfund.probe.ProbeConfig;
import org.proxyfund.probe.canary.CanaryFrames;
import org.proxyfund.probe.relay.RelayCheck;
import org.proxyfund.probe.relay.TelegramTargets;
import org.proxyfund.probe.relay.UnissuedCredential;
import org.proxyfund.probe.wire.SocksAddress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * SOCKS5 (RFC 1928) with username/password (RFC 1929) using the issued credential: CONNECT to the canary and a nonce
 * round trip, CONNECT to a Telegram DC and its proof, and now and then the same without authentication or with an
 * unissued credential, which must be refused.
 */
@ApplicationScoped
public class Socks5Checker implements Checker {

    private static final int VERSION = 5;
    private static final int METHOD_NO_AUTHENTICATION = 0;
    private static final int METHOD_USERNAME_PASSWORD = 2;
    private static final int NO_ACCEPTABLE_METHOD = 0xFF;

    private final RelayCheck relay;

    @Inject
    public Socks5Checker(HostGuard guard, CanaryFrames canary, ProbeConfig config, TelegramTargets targets) {
        this.relay = new RelayCheck(guard, canary, config, targets);
    }

    /** Without user targets: checks reach the canary only (tests of the protocol itself). */
    public Socks5Checker(HostGuard guard, CanaryFrames canary, ProbeConfig config) {
        this(guard, canary, config, TelegramTargets.none(config));
    }

    @Override
    public EndpointType type() {
        return EndpointType.SOCKS5;
    }

    @Override
    public CheckResult check(CheckTarget target) {
        String user = target.credential().get(MonitorCredential.USERNAME).orElseThrow();
        String password = target.credential().get(MonitorCredential.PASSWORD).orElseThrow();
        UnissuedCredential wrong = UnissuedCredential.differentFrom(user);
        return relay.run(target, new RelayCheck.Handshakes(
                (in, out, host, port) -> {
                    CheckResult failed = authenticate(in, out, user, password);
                    return failed != null ? failed : connect(in, out, host, port);
                },
                (in, out, host, port) -> {
                    CheckResult failed = withoutAuthentication(in, out);
                    return failed != null ? failed : connect(in, out, host, port);
                },
                (in, out, host, port) -> {
                    CheckResult failed = authenticate(in, out, wrong.username(), wrong.password());
                    return failed != null ? failed : connect(in, out, host, port);
                }));
    }

    /** Offers only "no authentication required": a server that accepts it relays for anyone. */
    private static CheckResult withoutAuthentication(InputStream in, OutputStream out) throws IOException {
        out.write(new byte[]{VERSION, 1, METHOD_NO_AUTHENTICATION});
        out.flush();
        int version = in.read();
        int method = in.read();
        if (version != VERSION || method != METHOD_NO_AUTHENTICATION) {
            return down(DownReason.AUTH_REJECTED, Detail.of("socks_requires_auth"));
        }
        return null;
    }

    private static CheckResult authenticate(InputStream in, OutputStream out, String user, String password) throws IOException {
        out.write(new byte[]{VERSION, 1, METHOD_USERNAME_PASSWORD});
        out.flush();
        int version = in.read();
        int method = in.read();
        if (method < 0) return down(DownReason.PROTOCOL_ERROR, Detail.of("socks_closed_greeting"));
        if (version != VERSION) return down(DownReason.PROTOCOL_ERROR, Detail.of("socks_not_socks", version));
        if (method == NO_ACCEPTABLE_METHOD) return down(DownReason.AUTH_REJECTED, Detail.of("socks_no_password_method"));
        if (method != METHOD_USERNAME_PASSWORD) return down(DownReason.PROTOCOL_ERROR, Detail.of("socks_unoffered_method", method));
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.write(1);
        SocksAddress.writeShortString(request, user.getBytes(StandardCharsets.UTF_8));
        SocksAddress.writeShortString(request, password.getBytes(StandardCharsets.UTF_8));
        out.write(request.toByteArray());
        out.flush();
        in.read();
        int status = in.read();
        if (status != 0) return down(DownReason.AUTH_REJECTED, Detail.of("socks_credential_refused"));
        return null;
    }

    private static CheckResult connect(InputStream in, OutputStream out, String host, int port) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.write(new byte[]{VERSION, 1, 0});
        SocksAddress.write(request, host);
        request.write(port >> 8);
        request.write(port & 0xFF);
        out.write(request.toByteArray());
        out.flush();
        byte[] head = in.readNBytes(4);
        if (head.length < 4) return down(DownReason.RELAY_FAILED, Detail.of("socks_closed_after_connect"));
        if (head[0] != VERSION) return down(DownReason.PROTOCOL_ERROR, Detail.of("socks_malformed_reply"));
        if (head[1] != 0) return down(DownReason.RELAY_FAILED, Detail.of("socks_connect_refused", head[1]));
        int addressLength = switch (head[3]) {
            case 1 -> 4;
            case 4 -> 16;
            case 3 -> in.read();
            default -> -1;
        };
        if (addressLength < 0 || in.readNBytes(addressLength + 2).length < addressLength + 2) {
            return down(DownReason.PROTOCOL_ERROR, Detail.of("socks_malformed_address"));
        }
        return null;
    }

    private static CheckResult down(DownReason reason, Detail detail) {
        return CheckResult.down(reason, detail);
    }
}
