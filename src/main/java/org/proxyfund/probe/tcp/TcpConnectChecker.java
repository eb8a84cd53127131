package org.proxyfund.probe.tcp;

import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.endpoint.HostGuard;
import org.proxyfund.endpoint.HostVerdict;
import org.proxyfund.probe.CheckResult;
import org.proxyfund.probe.CheckTarget;
import org.proxyfund.probe.Checker;
import org.proxyfund.probe.Detail;
import org.proxyfund.probe.DownReason;
import org.proxyfund.probe.ProbeConfig;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * Fallback for a protocol that has no real checker yet: a TCP connect only, marked as weaker evidence. It proves
 * something listens on the port, not that it is the operator's proxy or that it relays anything.
 */
public class TcpConnectChecker implements Checker {

    private final EndpointType type;
    private final HostGuard guard;
    private final ProbeConfig config;

    public TcpConnectChecker(EndpointType type, HostGuard guard, ProbeConfig config) {
        this.type = type;
        this.guard = guard;
        this.config = config;
    }

    @Override
    public EndpointType type() {
        return type;
    }

    @Override
    public CheckResult check(CheckTarget target) {
        HostVerdict verdict = guard.check(target.host());
        if (!verdict.allowed()) return CheckResult.down(DownReason.BLOCKED_TARGET, verdict.message());
        long started = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(verdict.addresses().getFirst(), target.port()),
                    (int) config.connectTimeout().toMillis());
            return CheckResult.upWeak(Duration.ofNanos(System.nanoTime() - started), Detail.of("tcp_only"));
        } catch (SocketTimeoutException e) {
            return CheckResult.down(DownReason.TIMEOUT, Detail.of("tcp_timeout", config.connectTimeout().toMillis()));
        } catch (IOException e) {
            return CheckResult.down(DownReason.CONNECT_REFUSED, Detail.of("tcp_failed", e.getMessage()));
        }
    }
}
