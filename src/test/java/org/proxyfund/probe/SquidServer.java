package org.proxyfund.probe;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * squid (Debian's package) for the checker tests: a configuration of the test's own in a folder of its own under
 * target/probe-servers (open to squid's unprivileged user), listening on a loopback port.
 * Public for the httpconnect and relay tests.
 */
public final class SquidServer {

    /** The folder of this squid: configuration, password file, logs, pid file. */
    public final Path dir;
    /** The loopback port it listens on. */
    public final int port;

    public SquidServer(String name) throws IOException {
        this.dir = new File(RealProxyContract.LOGS, "squid-" + name + "-" + UUID.randomUUID().toString().substring(0, 8)).toPath().toAbsolutePath();
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        this.port = RealServer.freePort();
    }

    /** Lines that let squid run unprivileged in this folder, on this port, and stop at once. */
    public List<String> runLines() {
        return List.of("http_port 127.0.0.1:" + port, "pid_filename " + dir.resolve("squid.pid"),
                "cache_log stdio:" + dir.resolve("cache.log"), "access_log stdio:" + dir.resolve("access.log"),
                "coredump_dir " + dir, "pinger_enable off", "shutdown_lifetime 1 seconds");
    }

    /** Basic authentication against a password file holding this user (APR1 hash made by openssl), any user in it allowed. */
    public List<String> basicAuth(String user, String password) throws IOException, InterruptedException {
        Path file = dir.resolve("passwd");
        Process p = new ProcessBuilder("openssl", "passwd", "-apr1", password).redirectErrorStream(true).start();
        String hash = new String(p.getInputStream().readAllBytes()).strip();
        if (p.waitFor() != 0) throw new IllegalStateException("openssl passwd failed: " + hash);
        Files.writeString(file, user + ":" + hash + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        return List.of("auth_param basic program /usr/lib/squid/basic_ncsa_auth " + file, "auth_param basic realm proxy",
                "acl users proxy_auth REQUIRED");
    }

    /** A squid with these lines (ACLs and http_access rules) and the run lines; not started. */
    public RealServer with(List<String> lines) throws IOException {
        List<String> all = new ArrayList<>(lines);
        all.addAll(runLines());
        Path conf = dir.resolve("squid.conf");
        Files.write(conf, all);
        return server(conf);
    }

    /** squid in the foreground with this configuration file; not started. */
    public RealServer server(Path conf) {
        return new RealServer(List.of("squid", "-N", "-f", conf.toString()), port, dir.resolve("out.log").toFile());
    }
}
