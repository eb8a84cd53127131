package org.proxyfund.probe.openvpn;

import jakarta.enterprise.context.ApplicationScoped;
import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.endpoint.HostGuard;
import org.proxyfund.endpoint.HostVerdict;
import org.proxyfund.endpoint.OpenVpnStaticKey;
import org.proxyfund.probe.CheckResult;
import org.proxyfund.probe.CheckTarget;
import org.proxyfund.probe.Checker;
import org.proxyfund.probe.Detail;
import org.proxyfund.probe.DownReason;
import org.proxyfund.probe.ProbeConfig;
import org.proxyfund.probe.wire.ProbeSockets;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;

/**
 * OpenVPN over UDP or TCP: a P_CONTROL_HARD_RESET_CLIENT_V2 (under the operator's tls-auth or tls-crypt key when given) and a
 * well-formed P_CONTROL_HARD_RESET_SERVER_V2 back. Proves an OpenVPN server answers, not that it relays: weak evidence.
 */
@ApplicationScoped
public class OpenVpnChecker implements Checker {

    private static final int MAX_PACKET = 2048;

    private final HostGuard guard;
    private final ProbeConfig config;

    public OpenVpnChecker(HostGuard guard, ProbeConfig config) {
        this.guard = guard;
        this.config = config;
    }

    @Override
    public EndpointType type() {
        return EndpointType.OPENVPN;
    }

    @Override
    public CheckResult check(CheckTarget target) {
        Optional<ControlWrap> wrap = controlWrap(target);
        if (wrap.isEmpty()) {
            return CheckResult.unknown(Detail.of("openvpn_unreadable_key"));
        }
        boolean keyed = wrap.get() != ControlWrap.NONE;
        HostVerdict verdict = guard.check(target.host());
        if (!verdict.allowed()) return CheckResult.down(DownReason.BLOCKED_TARGET, verdict.message());
        InetSocketAddress address = new InetSocketAddress(verdict.addresses().getFirst(), target.port());
        HardReset reset = new HardReset(wrap.get());
        boolean tcp = target.field(EndpointType.TRANSPORT).orElse("udp").equalsIgnoreCase("tcp");
        try {
            return tcp ? overTcp(address, reset, keyed) : overUdp(address, reset, keyed);
        } catch (IOException e) {
            return CheckResult.down(DownReason.CONNECT_REFUSED, Detail.of("openvpn_network_error", e.getMessage()));
        }
    }

    private CheckResult overUdp(InetSocketAddress address, HardReset reset, boolean signed) throws IOException {
        long started = System.nanoTime();
        HardReset.Reply last = null;
        try (DatagramSocket socket = new DatagramSocket()) {
            // Connected, so an ICMP port unreachable surfaces as PortUnreachableException.
            socket.connect(address);
            int wait = Math.max(1, (int) config.ioTimeout().toMillis() / 2);
            socket.setSoTimeout(wait);
            byte[] buffer = new byte[MAX_PACKET];
            for (int attempt = 0; attempt < 2; attempt++) {
                byte[] packet = reset.clientPacket();
                socket.send(new DatagramPacket(packet, packet.length));
                long deadline = System.nanoTime() + wait * 1_000_000L;
                try {
                    while (System.nanoTime() < deadline) {
                        DatagramPacket received = new DatagramPacket(buffer, buffer.length);
                        socket.receive(received);
                        last = reset.check(java.util.Arrays.copyOf(buffer, received.getLength()));
                        if (last.ok()) return up(started, signed);
                    }
                } catch (SocketTimeoutException e) {
                    // resend once: UDP may lose either packet
                }
            }
        } catch (PortUnreachableException e) {
            return CheckResult.down(DownReason.CONNECT_REFUSED, Detail.of("openvpn_port_unreachable"));
        }
        return last != null ? wrongReply(last) : silence(signed, "UDP");
    }

    private CheckResult overTcp(InetSocketAddress address, HardReset reset, boolean signed) throws IOException {
        long started = System.nanoTime();
        try (Socket socket = new Socket()) {
            CheckResult refused = ProbeSockets.connect(socket, address, config);
            if (refused != null) return refused;
            byte[] packet = reset.clientPacket();
            OutputStream out = socket.getOutputStream();
            out.write(ByteBuffer.allocate(2 + packet.length).putShort((short) packet.length).put(packet).array());
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            try {
                int length = in.readUnsignedShort();
                if (length == 0 || length > MAX_PACKET) {
                    return CheckResult.down(DownReason.PROTOCOL_ERROR, Detail.of("openvpn_tcp_length", length));
                }
                byte[] reply = new byte[length];
                in.readFully(reply);
                HardReset.Reply checked = reset.check(reply);
                return checked.ok() ? up(started, signed) : wrongReply(checked);
            } catch (EOFException | SocketException e) {
                // OpenVPN over TCP closes the connection when our first packet fails its tls-auth check.
                return CheckResult.down(DownReason.AUTH_REJECTED,
                        Detail.of(signed ? "openvpn_tcp_closed_keyed" : "openvpn_tcp_closed_unkeyed"));
            } catch (SocketTimeoutException e) {
                return silence(signed, "TCP");
            }
        }
    }

    private static CheckResult up(long started, boolean signed) {
        return CheckResult.upWeak(Duration.ofNanos(System.nanoTime() - started), Detail.of(signed ? "openvpn_up_keyed" : "openvpn_up"));
    }

    private static CheckResult wrongReply(HardReset.Reply reply) {
        // A malformed reply's detail names protocol fields; it is shown as it is.
        return reply.unauthenticated() ? CheckResult.down(DownReason.AUTH_REJECTED, Detail.of("openvpn_bad_key"))
                : CheckResult.down(DownReason.PROTOCOL_ERROR, Detail.of("verbatim", reply.detail()));
    }

    /** A live OpenVPN with tls-auth or tls-crypt drops what fails its check without a word, so with a key silence is a rejection. */
    private CheckResult silence(boolean signed, String transport) {
        long ms = config.ioTimeout().toMillis();
        return signed
                ? CheckResult.down(DownReason.AUTH_REJECTED, Detail.of("openvpn_silent_keyed", transport, ms))
                : CheckResult.down(DownReason.TIMEOUT, Detail.of("openvpn_silent", transport, ms));
    }

    /** NONE without a key; empty when a key is there but unreadable. */
    private static Optional<ControlWrap> controlWrap(CheckTarget target) {
        Optional<String> crypt = target.field(EndpointType.TLS_CRYPT_KEY);
        if (crypt.isPresent()) return crypt.flatMap(OpenVpnStaticKey::parse).map(TlsCrypt::new);
        Optional<String> auth = target.field(EndpointType.TLS_AUTH_KEY);
        if (auth.isEmpty()) return Optional.of(ControlWrap.NONE);
        Optional<byte[]> key = auth.flatMap(OpenVpnStaticKey::parse);
        if (key.isEmpty()) return Optional.empty();
        try {
            return Optional.of(TlsAuth.of(key.get(), target.field(EndpointType.KEY_DIRECTION).orElse("1"),
                    target.field(EndpointType.AUTH_DIGEST).orElse("SHA1")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
