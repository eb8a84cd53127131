package org.proxyfund.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test server of the project's own on 127.0.0.1: one virtual thread per connection, every read bounded by a
 * timeout, stop closes the listener and every open connection, and a restart binds the same port again.
 */
public abstract class LoopbackServer implements AutoCloseable {

    /** Longest wait for any read from a peer. */
    protected static final int READ_TIMEOUT_MS = 5000;

    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile ServerSocket server;
    private volatile ExecutorService workers;
    private volatile Thread acceptor;
    private int port;

    /** Serves one accepted connection; the socket is closed afterwards. */
    protected abstract void serve(Socket client) throws IOException;

    /** Binds (the same port as before after a restart) and starts accepting. */
    public synchronized LoopbackServer start() throws IOException {
        if (server != null) return this;
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        port = socket.getLocalPort();
        workers = Executors.newVirtualThreadPerTaskExecutor();
        server = socket;
        acceptor = Thread.ofVirtual().name(getClass().getSimpleName() + "-accept").start(() -> acceptLoop(socket));
        return this;
    }

    /** Closes the listener and every connection it accepted or opened. */
    public synchronized void stop() {
        ServerSocket socket = server;
        server = null;
        if (socket == null) return;
        closeQuietly(socket);
        open.forEach(LoopbackServer::closeQuietly);
        workers.shutdownNow();
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The bound port (kept across restarts). */
    public int port() {
        return port;
    }

    /** Connections accepted so far. */
    public int accepted() {
        return accepted.get();
    }

    /** Registers a socket this server opened itself (e.g. onwards to a data centre) so stop closes it too. */
    protected Socket track(Socket socket) {
        open.add(socket);
        return socket;
    }

    private void acceptLoop(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                accepted.incrementAndGet();
                track(client);
                workers.submit(() -> handle(client));
            } catch (IOException | RejectedExecutionException e) {
                // closed by stop()
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            client.setSoTimeout(READ_TIMEOUT_MS);
            serve(client);
        } catch (IOException e) {
            // the peer went away or timed out: this connection ends, the server goes on
        } finally {
            open.remove(client);
        }
    }

    /** Closes without caring whether it was open. */
    protected static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already closed
        }
    }
}
