package org.proxyfund.common.db;

import org.proxyfund.common.testing.PlainLane;
import org.proxyfund.common.testing.TestJvm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The embedded PostgreSQL asks every connection for the generated password: no trust for local users, a 0600
 * password file, data folders made by older versions (trust) moved over on start, a lost password file recovered.
 */
@PlainLane
class EmbeddedPostgresPasswordTest {

    @TempDir
    Path dir;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void stopChildren() throws InterruptedException {
        for (Process p : children) {
            p.destroy();
            p.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldRefuseAConnectionWithoutThePassword() throws Exception {
        Path pg = dir.resolve("pg");
        String url = start(pg);
        Path file = EmbeddedPostgresAuth.passwordFile(pg);
        String password = Files.readString(file).trim();

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(password.length() >= 40, "a long random password");
        assertRefused(url, null);
        assertRefused(url, "postgres");
        assertEquals(1, selectOne(url, password), "the service's own password works");
        assertFalse(Files.readString(pg.resolve("pg_hba.conf")).lines()
                .anyMatch(l -> !l.startsWith("#") && l.contains("trust")), "no trust line in pg_hba.conf");
    }

    @Test
    void shouldRefuseAnotherLocalUserOverTcpAndUnixSocket() throws Exception {
        boolean tools = Files.isExecutable(Path.of("/usr/bin/psql")) && Files.isExecutable(Path.of("/usr/sbin/runuser"));
        if (!tools && System.getenv("CI") != null) {
            fail("CI must run this test: .ci/install-test-deps installs postgresql-client");
        }
        Assumptions.assumeTrue(tools, "Skipped: psql (Debian postgresql-client) or runuser is missing");
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "Skipped: needs root to act as another user");
        // Like ./run's .proxyfund folder: readable by others, so only the file's own mode protects the password.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path pg = dir.resolve("pg");
        String url = start(pg);
        String password = Files.readString(EmbeddedPostgresAuth.passwordFile(pg)).trim();
        int port = Integer.parseInt(url.replaceAll(".*localhost:(\\d+)/.*", "$1"));
        String socketDir = socketDirectory(url, password);

        // The control: as user nobody, psql with the password gets in, so the refusals below are the password's doing.
        assertEquals(0, psqlAsNobody("127.0.0.1", port, password).exit(), "nobody with the password connects");
        Result tcp = psqlAsNobody("127.0.0.1", port, null);
        assertNotEquals(0, tcp.exit(), "nobody without the password is refused over TCP: " + tcp.out());
        assertTrue(tcp.out().contains("password"), tcp.out());
        Result socket = psqlAsNobody(socketDir, port, null);
        assertNotEquals(0, socket.exit(), "nobody without the password is refused over the Unix socket: " + socket.out());
        assertTrue(socket.out().contains("password") && socket.out().contains(socketDir), socket.out());
        Result read = run(List.of("runuser", "-u", "nobody", "--", "cat", EmbeddedPostgresAuth.passwordFile(pg).toString()), Map.of());
        assertNotEquals(0, read.exit(), "nobody cannot read the password file");
    }

    @Test
    void shouldMoveADataFolderMadeWithTrustToPasswordsAndKeepItsData() throws Exception {
        Path pg = dir.resolve("old");
        Process maker = child(pg, "zonky-trust");
        assertTrue(maker.waitFor(180, TimeUnit.SECONDS));
        assertTrue(new String(maker.getInputStream().readAllBytes(), StandardCharsets.UTF_8).contains("DONE"));
        assertTrue(Files.readString(pg.resolve("pg_hba.conf")).contains("trust"), "the old folder trusted everyone");

        String url = start(pg);
        String password = Files.readString(EmbeddedPostgresAuth.passwordFile(pg)).trim();
        assertRefused(url, null);
        assertEquals(42, query(url, password, "SELECT v FROM kept"), "the old data is still there");
        assertEquals(EmbeddedPostgresAuth.HBA, Files.readString(pg.resolve("pg_hba.conf")));
    }

    @Test
    void shouldSetANewPasswordWhenThePasswordFileIsLost() throws Exception {
        Path pg = dir.resolve("pg");
        start(pg);
        Path file = EmbeddedPostgresAuth.passwordFile(pg);
        String old = Files.readString(file).trim();
        stopChildren();
        children.clear();
        Files.delete(file);

        String url = start(pg);
        String fresh = Files.readString(file).trim();
        assertNotEquals(old, fresh);
        assertEquals(1, selectOne(url, fresh));
        assertRefused(url, old);
    }

    private String start(Path pg) throws Exception {
        Process p = child(pg, null);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String url = null;
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("URL ")) {
                url = line.substring(4).trim();
            } else if (line.startsWith("PID ") && url != null) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return url;
            }
            seen.append(line).append('\n');
        }
        fail("child exited without starting postgres:\n" + seen);
        return null;
    }

    private Process child(Path pg, String mode) throws Exception {
        List<String> command = new ArrayList<>(TestJvm.childCommand(EmbeddedPostgresChild.class, pg.toString()));
        if (mode != null) {
            command.add(mode);
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        children.add(p);
        return p;
    }

    private static void assertRefused(String url, String password) {
        SQLException e = assertThrows(SQLException.class, () -> selectOne(url, password));
        // 28P01 wrong password; 08004 the server asked for a password the client did not have.
        assertTrue(List.of("28P01", "08004").contains(e.getSQLState()), e.getSQLState() + " " + e.getMessage());
    }

    private static int selectOne(String url, String password) throws SQLException {
        return query(url, password, "SELECT 1");
    }

    private static int query(String url, String password, String sql) throws SQLException {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", "postgres");
        if (password != null) {
            p.setProperty("password", password);
        }
        try (Connection c = DriverManager.getConnection(url, p); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getInt(1);
        }
    }

    private static String socketDirectory(String url, String password) throws SQLException {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", "postgres");
        p.setProperty("password", password);
        try (Connection c = DriverManager.getConnection(url, p); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW unix_socket_directories")) {
            assertTrue(rs.next());
            return rs.getString(1).split(",")[0].trim();
        }
    }

    private record Result(int exit, String out) {
    }

    private static Result psqlAsNobody(String host, int port, String password) throws Exception {
        return run(List.of("runuser", "-u", "nobody", "--", "psql", "-w", "-h", host, "-p", Integer.toString(port),
                "-U", "postgres", "-d", "postgres", "-c", "SELECT 1"), password == null ? Map.of() : Map.of("PGPASSWORD", password));
    }

    private static Result run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true).directory(Path.of("/").toFile());
        b.environment().remove("PGPASSWORD");
        b.environment().putAll(env);
        Process p = b.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Result(p.exitValue(), out);
    }
}
