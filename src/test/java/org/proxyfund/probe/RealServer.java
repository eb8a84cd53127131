package org.proxyfund.probe;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real server binary (microsocks, danted, tinyproxy, ss-server, openvpn) started by a test on a loopback port, and killed by it. */
/** A real server binary (microsocks, danted, tinyproxy, wireguard-go) started by a test on a loopback port, and killed by it. */
final class RealServer implements AutoCloseable {
/** A real server binary (microsocks, danted, tinyproxy) started by a test on a loopback port, and killed by it. */
public final class RealServer implements AutoCloseable {

    /** Polled after the start until it says the server is ready (it may also finish setting the server up). */
    @FunctionalInterface
    interface Readiness {
        boolean ready() throws IOException, InterruptedException;
    }

    private final List<String> command;
    private final int port;
    private final File log;
    /** Null: ready once it accepts TCP on its port; else ready once this text appears in the log after start. */
    private final String readyLine;
    private final Readiness readiness;
    private Process process;

    /** A server that is ready once it accepts TCP connections on its loopback port. */
    RealServer(List<String> command, int port, File log) {
        this(command, port, log, null);
    }

    private RealServer(List<String> command, int port, File log, String readyLine) {
    public RealServer(List<String> command, int port, File log) {
        this.command = List.copyOf(command);
        this.port = port;
        this.log = log;
        this.readyLine = readyLine;
    }

    /** The same server, ready when its log shows this text (UDP servers, which a TCP connect cannot probe). */
    RealServer readyWhenLogged(String line) {
        return new RealServer(command, port, log, line);
        this.readiness = this::acceptsTcp;
    /** A server with its own readiness check (e.g. UDP servers, which accept no connections). */
    RealServer(List<String> command, int port, File log, Readiness readiness) {
        this.command = List.copyOf(command);
        this.port = port;
        this.log = log;
        this.readiness = readiness;
    }

    /** A port that was free a moment ago. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** Starts the server and waits until it accepts connections on its port (or logs its ready line). */
    /** Starts the server and waits until it is ready (by default: accepts connections on its port). */
    RealServer start() throws IOException, InterruptedException {
        long logOffset = log.length();
    /** Starts the server and waits until it accepts connections on its port. */
    public RealServer start() throws IOException, InterruptedException {
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException(command.getFirst() + " exited; see " + log);
            if (readyLine != null ? logged(logOffset) : acceptsTcp()) return this;
            Thread.sleep(50);
        }
        close();
        throw new IllegalStateException(command.getFirst() + " did not get ready on " + port + " within 10 s; see " + log);
            boolean ready;
            try {
                ready = readiness.ready();
            } catch (IOException | RuntimeException e) {
                close();
                throw e;
            }
            if (ready) return this;
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

    private boolean logged(long offset) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(log, "r")) {
            if (file.length() <= offset) return false;
            byte[] added = new byte[(int) (file.length() - offset)];
            file.seek(offset);
            file.readFully(added);
            return new String(added, StandardCharsets.UTF_8).contains(readyLine);
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
