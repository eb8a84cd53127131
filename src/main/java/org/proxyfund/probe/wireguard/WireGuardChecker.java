package org.proxyfund.probe.wireguard;

import jakarta.enterprise.context.ApplicationScoped;
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

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * WireGuard: a Noise_IKpsk2 handshake initiation from the issued monitor key to the registered server key over UDP;
 * UP only when the server's response completes the handshake cryptographically. Weak evidence: nothing is relayed.
 */
@ApplicationScoped
public class WireGuardChecker implements Checker {

    private final HostGuard guard;
    private final ProbeConfig config;
    private final WireGuardConfig wireGuard;
    private final SecureRandom random = new SecureRandom();

    public WireGuardChecker(HostGuard guard, ProbeConfig config, WireGuardConfig wireGuard) {
        this.guard = guard;
        this.config = config;
        this.wireGuard = wireGuard;
    }

    @Override
    public EndpointType type() {
        return EndpointType.WIREGUARD;
    }

    @Override
    public CheckResult check(CheckTarget target) {
        byte[] monitorKey = key(target.credential().get(MonitorCredential.MONITOR_PRIVATE_KEY));
        if (monitorKey == null) return CheckResult.unknown(Detail.of("wg_no_monitor_key"));
        byte[] serverKey = key(target.field(EndpointType.SERVER_PUBLIC_KEY));
        if (serverKey == null) return CheckResult.down(DownReason.PROTOCOL_ERROR, Detail.of("wg_bad_server_key"));
        HostVerdict verdict = guard.check(target.host());
        if (!verdict.allowed()) return CheckResult.down(DownReason.BLOCKED_TARGET, verdict.message());
        // Send to the address the guard approved, never the name again, so DNS cannot change in between.
        InetAddress address = verdict.addresses().getFirst();
        long waitMs = config.ioTimeout().toMillis();
        WireGuardExchange exchange;
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(new InetSocketAddress(address, target.port()));
            exchange = new WireGuardExchange(socket, monitorKey, serverKey, random, config.ioTimeout(), wireGuard.attempts());
            CheckResult answered = exchange.run();
            if (answered != null) return answered;
        } catch (PortUnreachableException e) {
            return CheckResult.down(DownReason.CONNECT_REFUSED, Detail.of("wg_port_unreachable", target.port()));
        } catch (IOException e) {
            return CheckResult.down(DownReason.CONNECT_REFUSED, Detail.of("wg_udp_failed", e.getMessage()));
        } catch (IllegalArgumentException e) {
            return CheckResult.down(DownReason.PROTOCOL_ERROR, Detail.of("wg_unusable_server_key", e.getMessage()));
        }
        return silence(exchange, address, target.port(), waitMs);
    }

    /** No handshake response in time: say as much as the evidence allows (see docs/health-checks.md). */
    private CheckResult silence(WireGuardExchange exchange, InetAddress address, int port, long waitMs) {
        if (exchange.foreignSeen()) {
            return CheckResult.down(DownReason.PROTOCOL_ERROR, Detail.of("wg_foreign"));
        }
        if (exchange.cookieSeen()) {
            return CheckResult.down(DownReason.TIMEOUT, Detail.of("wg_under_load", waitMs));
        }
        if (controlPortRefused(address, port)) {
            return CheckResult.down(DownReason.AUTH_REJECTED, Detail.of("wg_ignores_key", waitMs, wireGuard.controlPort()));
        }
        return CheckResult.down(DownReason.TIMEOUT, Detail.of("wg_silent", waitMs));
    }

    /** One 1-byte datagram to the control port; true only on an ICMP "port unreachable" in time. */
    private boolean controlPortRefused(InetAddress address, int wireGuardPort) {
        int port = wireGuard.controlPort();
        if (port <= 0 || port == wireGuardPort) return false;
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(new InetSocketAddress(address, port));
            socket.setSoTimeout((int) Math.max(1, wireGuard.controlWait().toMillis()));
            // One byte, not zero: the JDK reports no ICMP error for an empty datagram on Linux.
            socket.send(new DatagramPacket(new byte[1], 1));
            socket.receive(new DatagramPacket(new byte[64], 64));
            return false;
        } catch (PortUnreachableException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] key(Optional<String> base64) {
        try {
            byte[] key = Base64.getDecoder().decode(base64.orElse("").trim());
            return key.length == 32 ? key : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
