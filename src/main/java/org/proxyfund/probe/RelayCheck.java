package org.proxyfund.probe;

import org.proxyfund.endpoint.HostGuard;
import org.proxyfund.endpoint.HostVerdict;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.security.MessageDigest;

/**
 * The part every relaying checker shares: SSRF guard, connect with a timeout, the protocol's handshake to open a
 * tunnel to the canary, then a fresh nonce through the tunnel and back. Latency runs from connect to echo.
 */
final class RelayCheck {

    /** Opens a tunnel from the connected endpoint to the canary; returns null when open, else the failure. */
    @FunctionalInterface
    interface Handshake {
        CheckResult open(InputStream in, OutputStream out, String canaryHost, int canaryPort) throws IOException;
    }

    /** The streams the handshake and the nonce use: the socket's own, or a protocol layer over them (encryption). */
    record Tunnel(InputStream in, OutputStream out) {
    }

    /** Puts a protocol layer over the socket's streams before the handshake. */
    @FunctionalInterface
    interface Layer {
        Tunnel wrap(InputStream in, OutputStream out);
    }

    /** Thrown by a protocol layer when what it read already decides the check (e.g. a reply failing authentication). */
    static final class Failure extends IOException {
        final transient CheckResult result;

        Failure(DownReason reason, String detail) {
            super(detail);
            this.result = CheckResult.down(reason, detail);
        }
    }

    private final HostGuard guard;
    private final Canary canary;
    private final ProbeConfig config;

    RelayCheck(HostGuard guard, Canary canary, ProbeConfig config) {
        this.guard = guard;
        this.canary = canary;
        this.config = config;
    }

    CheckResult run(CheckTarget target, Handshake handshake) {
        return run(target, Tunnel::new, handshake);
    }

    CheckResult run(CheckTarget target, Layer layer, Handshake handshake) {
        if (!canary.isRunning()) return CheckResult.unknown("the monitor's canary is not listening");
        HostVerdict verdict = guard.check(target.host());
        if (!verdict.allowed()) return CheckResult.down(DownReason.BLOCKED_TARGET, verdict.message());
        // Connect to the address the guard approved, not the name, so DNS cannot change between guard and connect.
        InetSocketAddress address = new InetSocketAddress(verdict.addresses().getFirst(), target.port());
        byte[] frame = canary.newFrame();
        long started = System.nanoTime();
        try (Socket socket = new Socket()) {
            CheckResult refused = ProbeSockets.connect(socket, address, config);
            if (refused != null) return refused;
            Tunnel tunnel = layer.wrap(new BufferedInputStream(socket.getInputStream()), socket.getOutputStream());
            InputStream in = tunnel.in();
            OutputStream out = tunnel.out();
            CheckResult failed;
            try {
                failed = handshake.open(in, out, canary.publicHost(), canary.publicPort());
            } catch (Failure e) {
                return e.result;
            } catch (SocketTimeoutException e) {
                return timeout("during the handshake");
            } catch (IOException e) {
                return CheckResult.down(DownReason.PROTOCOL_ERROR, "handshake broke off: " + e.getMessage());
            }
            if (failed != null) return failed;
            return roundTrip(in, out, frame, started);
        } catch (IOException e) {
            return CheckResult.down(DownReason.RELAY_FAILED, "connection failed: " + e.getMessage());
        }
    }

    private CheckResult roundTrip(InputStream in, OutputStream out, byte[] frame, long started) throws IOException {
        try {
            out.write(frame);
            out.flush();
            byte[] answer = in.readNBytes(Canary.ANSWER_BYTES);
            if (!MessageDigest.isEqual(answer, canary.expectedAnswer(frame))) {
                return CheckResult.down(DownReason.RELAY_FAILED, "the canary's answer to our nonce did not come back through the endpoint");
            }
            return CheckResult.up(Duration.ofNanos(System.nanoTime() - started));
        } catch (Failure e) {
            return e.result;
        } catch (SocketTimeoutException e) {
            return timeout("waiting for the nonce to come back");
        }
    }

    private CheckResult timeout(String when) {
        return CheckResult.down(DownReason.TIMEOUT, "no answer within " + config.ioTimeout().toMillis() + " ms " + when);
    }
}
