package org.proxyfund.common.db;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.jboss.logging.Logger;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Password authentication for the embedded PostgreSQL: a generated password in a 0600 file beside the data folder,
 * and a pg_hba.conf that asks every connection (TCP and Unix socket) for it with SCRAM-SHA-256.
 *
 * <p>zonky's initdb writes {@code trust} (any local user connects as superuser without a password). Before the server
 * first accepts connections on a folder whose pg_hba.conf is not ours (a fresh folder, or one made by an older
 * proxyfund), the password is set in single-user mode, where nothing can connect, and pg_hba.conf is replaced; so no
 * trusting server ever listens. A lost password file is recovered the same way: the next start sets a new password.
 */
final class EmbeddedPostgresAuth {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresAuth.class);
    static final String USER = "postgres";
    static final String HBA = """
            # Written by proxyfund (EmbeddedPostgresAuth): every connection needs the generated password.
            # TYPE  DATABASE  USER  ADDRESS        METHOD
            local   all       all                  scram-sha-256
            host    all       all   127.0.0.1/32   scram-sha-256
            host    all       all   ::1/128        scram-sha-256
            """;

    private EmbeddedPostgresAuth() {
    }

    /** Where the password of the server on {@code dataDir} is kept: {@code <data-dir>.password} beside it. */
    static Path passwordFile(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + ".password");
    }

    /** The stored password, or a new one written to a fresh 0600 file when there is none. */
    static String passwordFor(Path dataDir) throws IOException {
        Path file = passwordFile(dataDir);
        if (!Files.exists(file)) {
            write(file);
        }
        String password = Files.readString(file, StandardCharsets.US_ASCII).trim();
        if (password.isEmpty()) {
            throw new IOException("the password file " + file + " is empty; delete it to have a new password set");
        }
        return password;
    }

    /**
     * Runs before the postmaster starts (zonky's data-directory customizer): when pg_hba.conf is not ours or the
     * password file was just created, sets the password in single-user mode and writes our pg_hba.conf.
     */
    static void secure(Path dataDir, String password, boolean passwordIsNew) {
        try {
            Path hba = dataDir.resolve("pg_hba.conf");
            boolean ours = Files.exists(hba) && Files.readString(hba, StandardCharsets.UTF_8).equals(HBA);
            if (ours && !passwordIsNew) {
                return;
            }
            setPasswordSingleUser(dataDir, password);
            Files.writeString(hba, HBA, StandardCharsets.UTF_8);
            LOG.infof("Embedded PostgreSQL in %s now asks for the password kept in %s", dataDir, passwordFile(dataDir));
        } catch (IOException e) {
            throw new IllegalStateException("Could not set up password authentication for " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** {@code postgres --single}: no socket is opened, so nothing can connect while the password is being set. */
    private static void setPasswordSingleUser(Path dataDir, String password) throws IOException {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U")); // as zonky runs every binary when we are root
        }
        command.addAll(List.of(binaries().resolve("bin").resolve("postgres").toString(),
                "--single", "-D", dataDir.toString(), "-c", "password_encryption=scram-sha-256", USER));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            // The password travels on stdin, never on a command line other users could read.
            in.write(("ALTER ROLE " + USER + " PASSWORD '" + password + "';\n").getBytes(StandardCharsets.US_ASCII));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0 || out.contains("ERROR:")) {
                p.destroyForcibly();
                throw new IOException("single-user postgres could not set the password: " + out.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while setting the password", e);
        }
    }

    /**
     * The folder zonky unpacked the PostgreSQL binaries into. zonky keeps it private; its own preparation method is
     * idempotent (cached per resolver), so asking it again returns the same folder.
     */
    private static Path binaries() throws IOException {
        try {
            Method prepare = EmbeddedPostgres.class.getDeclaredMethod("prepareBinaries", PgBinaryResolver.class, File.class);
            prepare.setAccessible(true);
            return ((File) prepare.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, null)).toPath();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IOException("cannot find the embedded PostgreSQL binaries (zonky changed?): " + e, e);
        }
    }

    /** 256 random bits, base64url: no quote or backslash, so it is safe inside the SQL literal above. */
    private static void write(Path file) throws IOException {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp;
        try {
            temp = Files.createTempFile(dir, ".pgpass", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            temp = Files.createTempFile(dir, ".pgpass", ".tmp");
        }
        try {
            Files.writeString(temp, password + "\n", StandardCharsets.US_ASCII);
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException e) {
            // another process wrote it first: use theirs
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
