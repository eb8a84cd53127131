package org.proxyfund.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}, built by {@code package} before failsafe runs)
 * as a separate operating-system process, configured by system properties, with its output in a log file: what a
 * replica is in production, so tests can run several against one PostgreSQL and kill them for real.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final int managementPort;
    private final Path log;
    private final long logFrom;
    private final Process process;

    private ServiceProcess(String name, int port, int managementPort, Path log, long logFrom, Process process) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
        this.logFrom = logFrom;
        this.process = process;
    }

    /**
     * Starts the jar with {@code properties} as {@code -D} options on a free HTTP port (and a free management port for
     * health and metrics), its output appended to
     * {@code logDir/name.log}; returns at once.
     */
    public static ServiceProcess start(String name, Path logDir, Map<String, String> properties) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: integration tests run after `package` (./mvnw verify)");
        }
        try {
            int port = freePort();
            int managementPort = freePort();
            Path log = logDir.resolve(name + ".log");
            Files.createDirectories(log.getParent());
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.add("-Xmx384m");
            command.add("-XX:TieredStopAtLevel=1");
            command.add("-Dquarkus.http.port=" + port);
            command.add("-Dquarkus.management.port=" + managementPort);
            properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
            command.add("-jar");
            command.add(JAR.toString());
            long from = Files.exists(log) ? Files.size(log) : 0;
            Files.writeString(log, "=== start " + name + " on port " + port + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return new ServiceProcess(name, port, managementPort, log, from, p);
        } catch (IOException e) {
            throw new UncheckedIOException("starting " + name + " failed", e);
        }
    }

    public String name() {
        return name;
    }

    public String baseUri() {
        return "http://127.0.0.1:" + port;
    }

    /** The management interface: {@code /q/health/...} and {@code /q/metrics}, which the site's port does not serve. */
    public String managementUri() {
        return "http://127.0.0.1:" + managementPort;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Waits until the readiness check answers 200 (wallet synced and database up); fails early if the process died. */
    public ServiceProcess awaitReady(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " before it was ready:\n" + tail(60));
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(managementUri() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return this;
                }
                last = r.statusCode() + " " + r.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            sleep(250);
        }
        throw new AssertionError(name + " not ready after " + timeout + " (last: " + last + "):\n" + tail(60));
    }

    /** Waits for the process to end on its own and returns its exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " still running after " + timeout + ":\n" + tail(40));
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** SIGKILL: no shutdown hooks, no graceful anything. */
    public void kill() {
        process.destroyForcibly();
        awaitQuietly();
    }

    /** SIGTERM and wait (a graceful stop, as Kubernetes does first). */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(40, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        awaitQuietly();
    }

    /** What this start of the process wrote (the file keeps every start of the same name, appended). */
    public String log() {
        try {
            byte[] all = Files.readAllBytes(log);
            return new String(all, (int) Math.min(logFrom, all.length), (int) Math.max(0, all.length - logFrom), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last {@code lines} lines of the log, for failure messages. */
    public String tail(int lines) {
        List<String> all = log().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private void awaitQuietly() {
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
