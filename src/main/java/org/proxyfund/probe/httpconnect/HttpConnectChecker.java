package org.proxyfund.probe.httpconnect;

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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP CONNECT with the issued credential as Proxy-Authorization: Basic: to the canary and a nonce round trip, to a
 * Telegram DC and its proof, and now and then without Proxy-Authorization or with an unissued credential, which must
 * be refused.
 */
@ApplicationScoped
public class HttpConnectChecker implements Checker {

    private static final int MAX_HEADER_BYTES = 8192;
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] (\\d{3})[^\\r\\n]*");

    private final RelayCheck relay;

    @Inject
    public HttpConnectChecker(HostGuard guard, CanaryFrames canary, ProbeConfig config, TelegramTargets targets) {
        this.relay = new RelayCheck(guard, canary, config, targets);
    }

    /** Without user targets: checks reach the canary only (tests of the protocol itself). */
    public HttpConnectChecker(HostGuard guard, CanaryFrames canary, ProbeConfig config) {
        this(guard, canary, config, TelegramTargets.none(config));
    }

    @Override
    public EndpointType type() {
        return EndpointType.HTTP_CONNECT;
    }

    @Override
    public CheckResult check(CheckTarget target) {
        String user = target.credential().get(MonitorCredential.USERNAME).orElseThrow();
        String password = target.credential().get(MonitorCredential.PASSWORD).orElseThrow();
        UnissuedCredential wrong = UnissuedCredential.differentFrom(user);
        return relay.run(target, new RelayCheck.Handshakes(
                (in, out, host, port) -> connect(in, out, host, port, basic(user, password)),
                (in, out, host, port) -> connect(in, out, host, port, null),
                (in, out, host, port) -> connect(in, out, host, port, basic(wrong.username(), wrong.password()))));
    }

    private static String basic(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** CONNECT with Proxy-Authorization: Basic, or without any when {@code basic} is null. */
    private static CheckResult connect(InputStream in, OutputStream out, String host, int port, String basic) throws IOException {
        String authority = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        String request = "CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority
                + (basic == null ? "" : "\r\nProxy-Authorization: Basic " + basic) + "\r\n\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String head = readHead(in);
        if (head == null) return CheckResult.down(DownReason.PROTOCOL_ERROR, Detail.of("http_incomplete"));
        Matcher status = STATUS_LINE.matcher(head.substring(0, Math.max(0, head.indexOf("\r\n"))));
        if (!status.matches()) return CheckResult.down(DownReason.PROTOCOL_ERROR, Detail.of("http_not_http"));
        int code = Integer.parseInt(status.group(1));
        // 407 is the standard answer; tinyproxy 1.11 answers 401 to a wrong Proxy-Authorization.
        if (code == 407 || code == 401) {
            return CheckResult.down(DownReason.AUTH_REJECTED, Detail.of("http_credential_refused", code));
        }
        if (code / 100 != 2) return CheckResult.down(DownReason.RELAY_FAILED, Detail.of("http_connect_refused", code, authority));
        return null;
    }

    /** Reads up to and including the blank line, byte by byte so nothing of the tunnel is consumed; null if cut short. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (head.size() < MAX_HEADER_BYTES) {
            int b = in.read();
            if (b < 0) return null;
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == end.length) return head.toString(StandardCharsets.ISO_8859_1);
        }
        return null;
    }
}
