package org.proxyfund.common.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The real PostgreSQL that the service starts for itself when no datasource URL is configured.
 *
 * <p>One per JVM: dev-mode reloads and the test run reuse the running server. It is stopped by a
 * shutdown hook, and a server orphaned by a killed JVM is stopped before a new one starts on the
 * same data folder.
 */
public final class EmbeddedPostgresServer {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);
    private static EmbeddedPostgres running;
    private static Path runningDir;
    private static String runningPassword;

    private EmbeddedPostgresServer() {
    }

    /** Starts the server on {@code dataDir} once per JVM and returns its JDBC URL. */
    public static synchronized String start(Path dataDir, boolean clean, int port) {
        Path dir = dataDir.toAbsolutePath().normalize();
        if (running != null) {
            if (!dir.equals(runningDir)) {
                LOG.warnf("Embedded PostgreSQL already runs on %s; ignoring %s", runningDir, dir);
            }
            return url();
        }
        // Quarkus restarts the application in a new class loader (e.g. a test profile), where the
        // static above is empty: reuse the server this JVM already started rather than wipe it.
        String jvmKey = "proxyfund.embedded-db.running-url@" + dir;
        String started = System.getProperty(jvmKey);
        if (started != null && readPid(dir).flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false)) {
            try {
                runningPassword = EmbeddedPostgresAuth.passwordFor(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return started;
        }
        checkRootCanRunPostgres();
        try {
            Path passwordFile = EmbeddedPostgresAuth.passwordFile(dir);
            if (clean) {
                deleteTree(dir);
                // A fresh database gets a fresh password (tests: one per run).
                Files.deleteIfExists(passwordFile);
            }
            Files.createDirectories(dir);
            stopOrphan(dir);
            boolean newPassword = !Files.exists(passwordFile);
            String password = EmbeddedPostgresAuth.passwordFor(dir);
            long t0 = System.nanoTime();
            running = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // Durable commits: this database records money movements.
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    // Before the postmaster listens: password set, pg_hba.conf asking for it (no trust, ever).
                    .setDataDirectoryCustomizer(d -> EmbeddedPostgresAuth.secure(d.toPath(), password, newPassword))
                    .setConnectConfig("password", password)
                    .setRegisterShutdownHook(true)
                    .start();
            runningDir = dir;
            runningPassword = password;
            System.setProperty(jvmKey, url());
            LOG.infof("Embedded PostgreSQL started in %d ms on port %d, data in %s",
                    (System.nanoTime() - t0) / 1_000_000, running.getPort(), dir);
            return url();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL in " + dir + ": " + rootCause(e)
                    + ". Another proxyfund may be using this data folder (set proxyfund.embedded-db.data-dir),"
                    + " or set QUARKUS_DATASOURCE_JDBC_URL to use an existing PostgreSQL server.", e);
        }
    }

    /** The JDBC URL of the running server (without credentials: see {@link #user()} and {@link #password()}). */
    public static synchronized String url() {
        return running.getJdbcUrl(EmbeddedPostgresAuth.USER, "postgres");
    }

    /** The database user the service connects as. */
    public static String user() {
        return EmbeddedPostgresAuth.USER;
    }

    /** The generated password of the running server (kept in {@code <data-dir>.password}, mode 0600). */
    public static synchronized String password() {
        if (runningPassword == null) {
            throw new IllegalStateException("no embedded PostgreSQL was started in this JVM");
        }
        return runningPassword;
    }

    /** Stops the server now (also done by the shutdown hook). */
    public static synchronized void stop() {
        if (running != null) {
            try {
                running.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                running = null;
                runningDir = null;
                runningPassword = null;
            }
        }
    }

    /** Process id of the postmaster, for tests and diagnostics. */
    public static synchronized Optional<Long> postmasterPid() {
        return runningDir == null ? Optional.empty() : readPid(runningDir);
    }

    private static void checkRootCanRunPostgres() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return;
        }
        // initdb and postgres refuse to run as root; zonky runs them in a user namespace
        // (`unshare -U`), which some kernels and container runtimes forbid.
        try {
            Process p = new ProcessBuilder("unshare", "-U", "id", "-u").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() == 0 && !"0".equals(out)) {
                return;
            }
        } catch (IOException e) {
            // fall through to the message below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("The embedded PostgreSQL cannot run as root here: PostgreSQL refuses root,"
                + " and user namespaces (unshare -U) are not available to step around it."
                + " Run proxyfund as an ordinary user, enable unprivileged user namespaces"
                + " (sysctl kernel.unprivileged_userns_clone=1), or set QUARKUS_DATASOURCE_JDBC_URL"
                + " (with _USERNAME and _PASSWORD) to use an existing PostgreSQL server.");
    }

    /** A postmaster left behind by a JVM that was killed would hold the data folder: stop it. */
    private static void stopOrphan(Path dir) throws IOException {
        Optional<ProcessHandle> orphan = readPid(dir).flatMap(ProcessHandle::of)
                .filter(h -> h.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (orphan.isEmpty()) {
            return;
        }
        LOG.warnf("Stopping PostgreSQL (pid %d) left running on %s by an earlier run", orphan.get().pid(), dir);
        orphan.get().destroy(); // SIGTERM: smart shutdown
        try {
            orphan.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            orphan.get().destroyForcibly();
        }
    }

    private static Optional<Long> readPid(Path dir) {
        Path pidFile = dir.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        stopOrphan(dir);
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
