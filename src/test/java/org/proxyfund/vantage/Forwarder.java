package org.proxyfund.vantage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A TCP forwarder in front of the service that a test can cut (an outage) and restore on the same port. */
final class Forwarder implements AutoCloseable {

    private final int targetPort;
    private final InetAddress bind;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private int port;

    /** Forwards from a loopback port to the target port. */
    Forwarder(int targetPort) {
        this(InetAddress.getLoopbackAddress(), targetPort);
    }

    /** Forwards from a port on {@code bind} (e.g. the host's side of a test network) to the target port on loopback. */
    Forwarder(InetAddress bind, int targetPort) {
        this.bind = bind;
        this.targetPort = targetPort;
    }

    /** Listens (again, on the same port as before) and forwards every connection to the target. */
    synchronized Forwarder start() throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(bind, port));
        port = s.getLocalPort();
        server = s;
        Thread.ofVirtual().start(() -> accept(s));
        return this;
    }

    int port() {
        return port;
    }

    /** An outage: stops listening and cuts every open connection. */
    synchronized void cut() throws IOException {
        server.close();
        for (Socket s : open) s.close();
        open.clear();
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(client);
                open.add(upstream);
                Thread.ofVirtual().start(() -> pipe(client, upstream));
                Thread.ofVirtual().start(() -> pipe(upstream, client));
            } catch (IOException e) {
                // closed by cut(), or the target refused: the client sees its connection end
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // one side closed
        } finally {
            try {
                to.close();
                from.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        cut();
    }
}
