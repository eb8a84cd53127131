package org.proxyfund.probe;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real server binary (microsocks, danted, tinyproxy, ss-server, openvpn, wireguard-go) started by a test on a
 * loopback port, and killed by it.
 */
public final class RealServer implements AutoCloseable {

    /** Polled after the start until it says the server is ready (it may also finish setting the server up). */
    @FunctionalInterface
    public interface Readiness {
        boolean ready() throws IOException, InterruptedException;
    }

    private final List<String> command;
    private final int port;
    private final File log;
    private Readiness readiness;
    private long logOffset;
    private Process process;

    /** A server that is ready once it accepts TCP connections on its loopback port. */
    public RealServer(List<String> command, int port, File log) {
        this(command, port, log, null);
        this.readiness = this::acceptsTcp;
    }

    /** A server with its own readiness check (e.g. UDP servers, which accept no connections). */
    public RealServer(List<String> command, int port, File log, Readiness readiness) {
        this.command = List.copyOf(command);
        this.port = port;
        this.log = log;
        this.readiness = readiness;
    }

    /** The same server, ready when its log shows this text after the start (UDP servers). */
    public RealServer readyWhenLogged(String line) {
        RealServer server = new RealServer(command, port, log, null);
        server.readiness = () -> server.loggedSinceStart(line);
        return server;
    }

    /** A port that is free now and that no other test of this JVM gets (so no two tests register one host:port). */
    public static int freePort() {
        return org.proxyfund.common.testing.TestPorts.listen();
    }

    public int port() {
        return port;
    }

    /** Starts the server and waits until it is ready (by default: accepts connections on its port). */
    public RealServer start() throws IOException, InterruptedException {
        logOffset = log.length();
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException(command.getFirst() + " exited; see " + log);
            boolean ready;
            try {
                ready = readiness.ready();
            } catch (IOException | RuntimeException e) {
                close();
                throw e;
            }
            if (ready) return this;
            Thread.sleep(50);
        }
        close();
        throw new IllegalStateException(command.getFirst() + " was not ready on " + port + " within 10 s; see " + log);
    }

    private boolean acceptsTcp() {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private boolean loggedSinceStart(String line) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(log, "r")) {
            if (file.length() <= logOffset) return false;
            byte[] added = new byte[(int) (file.length() - logOffset)];
            file.seek(logOffset);
            file.readFully(added);
            return new String(added, StandardCharsets.UTF_8).contains(line);
        }
    }

    /** Stops the server and every process it forked, forcibly if it lingers. */
    @Override
    public void close() {
        if (process == null) return;
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
        process = null;
    }
}
