package org.proxyfund.probe.relay;

import org.proxyfund.probe.CheckResult;
import org.proxyfund.probe.Detail;
import org.proxyfund.probe.DownReason;
import org.proxyfund.probe.ProbeConfig;
import org.proxyfund.probe.wire.ProbeSockets;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * One TCP connection through an endpoint: connect to the address the guard approved, put the protocol's layer over
 * the socket, open a tunnel to a destination with a handshake, then let a payload prove what it must through it.
 */
final class RelayConnection {

    /** What travels through an open tunnel; null when it proved what it had to, else the failure. */
    @FunctionalInterface
    interface Payload {
        CheckResult exchange(InputStream in, OutputStream out) throws IOException;
    }

    /**
     * How one connection went.
     *
     * @param failure     null when the payload proved its part, else why not
     * @param unreachable the endpoint itself could not be reached (refused, no TCP in time): no other connection will do better
     * @param latency     connect to proof, when it succeeded
     */
    record Outcome(CheckResult failure, boolean unreachable, Duration latency) {
        boolean ok() {
            return failure == null;
        }
    }

    private final InetSocketAddress address;
    private final ProbeConfig config;
    private final RelayCheck.Layer layer;

    RelayConnection(InetSocketAddress address, ProbeConfig config, RelayCheck.Layer layer) {
        this.address = address;
        this.config = config;
        this.layer = layer;
    }

    /** Opens a tunnel to host:port with this handshake and runs the payload through it. */
    Outcome run(RelayCheck.Handshake handshake, String host, int port, Payload payload) {
        long started = System.nanoTime();
        try (Socket socket = new Socket()) {
            CheckResult refused = ProbeSockets.connect(socket, address, config);
            if (refused != null) return new Outcome(refused, true, null);
            RelayCheck.Tunnel tunnel = layer.wrap(new BufferedInputStream(socket.getInputStream()), socket.getOutputStream());
            CheckResult failed;
            try {
                failed = handshake.open(tunnel.in(), tunnel.out(), host, port);
            } catch (RelayCheck.Failure e) {
                return failed(e.result);
            } catch (SocketTimeoutException e) {
                return failed(timeout("timeout_handshake"));
            } catch (IOException e) {
                return failed(CheckResult.down(DownReason.PROTOCOL_ERROR, Detail.of("handshake_broke_off", e.getMessage())));
            }
            if (failed != null) return failed(failed);
            try {
                CheckResult proof = payload.exchange(tunnel.in(), tunnel.out());
                return proof == null ? new Outcome(null, false, Duration.ofNanos(System.nanoTime() - started)) : failed(proof);
            } catch (RelayCheck.Failure e) {
                return failed(e.result);
            } catch (SocketTimeoutException e) {
                return failed(timeout("timeout_answer"));
            }
        } catch (IOException e) {
            return failed(CheckResult.down(DownReason.RELAY_FAILED, Detail.of("connection_failed", e.getMessage())));
        }
    }

    private static Outcome failed(CheckResult failure) {
        return new Outcome(failure, false, null);
    }

    private CheckResult timeout(String key) {
        return CheckResult.down(DownReason.TIMEOUT, Detail.of(key, config.ioTimeout().toMillis()));
    }
}
