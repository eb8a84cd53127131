package org.proxyfund.wallet.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The packaged service started as {@code ./run} starts it (the dev profile, its own working folder with
 * {@code .proxyfund} in it), in a process of its own, with a chosen PATH: a new user's trial, for tests.
 */
public final class TrialProcess {

    static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
    static final Path BCOIN = Path.of("tools", "bcoin", "node_modules", ".bin", "bcoin").toAbsolutePath();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public final Path home;
    final Path log;
    public final int port;
    final int managementPort;
    final Process process;

    private TrialProcess(Path home, Path log, int port, int managementPort, Process process) {
        this.home = home;
        this.log = log;
        this.port = port;
        this.managementPort = managementPort;
        this.process = process;
    }

    /** Starts the jar in {@code home} with {@code path} as PATH; its output goes to {@code home/<name>.log}. */
    static TrialProcess start(Path home, String name, String path) {
        return start(home, name, path, List.of());
    }

    /** {@link #start(Path, String, String)} with more JVM options (system properties: configuration for the test). */
    public static TrialProcess start(Path home, String name, String path, List<String> options) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: integration tests run after `package` (./mvnw verify)");
        }
        try {
            Files.createDirectories(home);
            int port = freePort();
            int management = freePort();
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Dquarkus.profile=dev",
                    "-Dquarkus.http.port=" + port, "-Dquarkus.management.port=" + management,
                    "-Dproxyfund.probe.canary-bind-port=0", "-Dproxyfund.local-node.bcoin=" + BCOIN));
            command.addAll(options);
            command.addAll(List.of("-jar", JAR.toString()));
            Path log = home.resolve(name + ".log");
            ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().put("PATH", path);
            return new TrialProcess(home, log, port, management, pb.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GETs {@code path} of the site; status and body. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Waits until {@code /q/health/ready} answers 200 (database up, wallet synced with its node); returns the body. */
    public String awaitReady(Duration timeout) {
        return await(timeout, "http://127.0.0.1:" + managementPort + "/q/health/ready");
    }

    /** Waits until the home page answers 200. */
    void awaitHome(Duration timeout) {
        await(timeout, "http://127.0.0.1:" + port + "/");
    }

    private String await(Duration timeout, String url) {
        long end = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new AssertionError("the service exited with " + process.exitValue() + ":\n" + logText());
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return r.body();
                }
                last = r.statusCode() + " " + r.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            sleep(300);
        }
        throw new AssertionError(url + " not 200 after " + timeout + " (last: " + last + "):\n" + logText());
    }

    /** SIGTERM, as Ctrl-C (both run the shutdown hooks), and wait for the JVM to end. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the service did not stop within 90 s:\n" + logText());
        }
    }

    /** SIGKILL: no shutdown hook runs, as when the machine's OOM killer or kill -9 ends the service. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** After a failed assertion: stop it if it still runs, without failing again. */
    public void stopQuietly() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Last resort after a failed test: SIGKILL whatever of this trial still runs (orphans of a killed service). */
    public static void killAllOf(Path home) {
        for (String p : processesOf(home)) {
            ProcessHandle.of(Long.parseLong(p.substring(0, p.indexOf(' ')))).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /**
     * The process list of this trial: every live process whose working folder is in {@code home} (the service, its
     * Bitcoin node) or whose command line names it (PostgreSQL: {@code postgres -D home/.proxyfund/pgdata}).
     */
    public static Set<String> processesOf(Path home) {
        Path real;
        try {
            real = home.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(h -> h.pid() != ProcessHandle.current().pid())
                .filter(h -> cwd(h.pid()).startsWith(real.toString()) || cmdline(h.pid()).contains(real.toString()))
                .map(h -> h.pid() + " " + cmdline(h.pid()).strip())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String cwd(long pid) {
        try {
            return Path.of("/proc", Long.toString(pid), "cwd").toRealPath().toString();
        } catch (IOException e) {
            return "";
        }
    }

    private static String cmdline(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
