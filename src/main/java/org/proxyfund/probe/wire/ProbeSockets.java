package org.proxyfund.probe.wire;

import org.proxyfund.probe.CheckResult;
import org.proxyfund.probe.Detail;
import org.proxyfund.probe.DownReason;
import org.proxyfund.probe.ProbeConfig;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * The TCP connect every checker does the same way: the probe's connect timeout, its read timeout, refusal typed.
 * Public for the checkers of every protocol folder and the relay check.
 */
public final class ProbeSockets {

    private ProbeSockets() {
    }

    /**
     * Connects the socket to the (guard-approved) address and sets the read timeout; returns null when connected,
     * else the DOWN result (TIMEOUT when nothing answered in time, CONNECT_REFUSED otherwise).
     */
    public static CheckResult connect(Socket socket, InetSocketAddress address, ProbeConfig config) throws IOException {
        try {
            socket.connect(address, (int) config.connectTimeout().toMillis());
        } catch (SocketTimeoutException e) {
            return CheckResult.down(DownReason.TIMEOUT, Detail.of("tcp_timeout", config.connectTimeout().toMillis()));
        } catch (IOException e) {
            return CheckResult.down(DownReason.CONNECT_REFUSED, Detail.of("tcp_failed", e.getMessage()));
        }
        socket.setSoTimeout((int) config.ioTimeout().toMillis());
        socket.setTcpNoDelay(true);
        return null;
    }
}
