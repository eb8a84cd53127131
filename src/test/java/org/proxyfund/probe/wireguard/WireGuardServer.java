package org.proxyfund.probe.wireguard;

import org.proxyfund.probe.RealServer;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real userspace WireGuard server for tests: {@code wireguard-go} on a TUN device of its own (needs root and
 * /dev/net/tun, as CI has), configured with {@code wg set} on a loopback-reachable UDP port. Keys live in target/.
 */
final class WireGuardServer implements AutoCloseable {

    private final String device = String.format("pfwg%06x", new SecureRandom().nextInt(1 << 24));
    private final File dir;
    private final int port;
    private final String publicKey;
    private final Path privateKeyFile;
    private final Map<String, List<String>> peers = new LinkedHashMap<>();
    private final List<String> routes = new ArrayList<>();
    private RealServer process;

    /** A server with a fresh key from {@code wg genkey}, listening on a UDP port that was free a moment ago. */
    WireGuardServer(File dir) throws IOException, InterruptedException {
        this.dir = dir;
        this.port = freeUdpPort();
        dir.mkdirs();
        privateKeyFile = new File(dir, device + ".key").toPath();
        Files.createFile(privateKeyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(privateKeyFile, run(null, "wg", "genkey"));
        publicKey = run(Files.readString(privateKeyFile), "wg", "pubkey").trim();
    }

    static int freeUdpPort() {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    String device() {
        return device;
    }

    /** The server's public key, base64, as {@code wg pubkey} printed it. */
    String publicKey() {
        return publicKey;
    }

    /** Adds a peer (applied at the next start); a non-null preshared key is mixed into its handshakes. */
    WireGuardServer peer(String peerPublicKey, String allowedIp, String presharedKey) throws IOException {
        List<String> args = new ArrayList<>(List.of("peer", peerPublicKey, "allowed-ips", allowedIp + "/32"));
        if (presharedKey != null) {
            Path psk = new File(dir, device + "-" + peers.size() + ".psk").toPath();
            Files.writeString(psk, presharedKey + "\n");
            args.addAll(List.of("preshared-key", psk.toString()));
        }
        peers.put(peerPublicKey, args);
        return this;
    }

    /** Routes an address into the tunnel (applied at the next start): with no peer for it, wireguard-go drops it silently. */
    WireGuardServer blackhole(String address) {
        routes.add(address + "/32");
        return this;
    }

    /** Starts wireguard-go and configures the device; fails loudly (never skips) when the TUN device cannot be made. */
    WireGuardServer start() throws IOException, InterruptedException {
        process = new RealServer(List.of("wireguard-go", "-f", device), port, new File(dir, device + ".log"), this::configureOnceCreated);
        try {
            process.start();
        } catch (IllegalStateException e) {
            throw new IllegalStateException("wireguard-go could not create and configure TUN device " + device
                    + " (needs root and /dev/net/tun): " + e.getMessage() + "\n" + log(), e);
        }
        return this;
    }

    /** The endpoint the server itself has recorded for a peer (set once it accepted a handshake initiation), or "(none)". */
    String endpointOf(String peerPublicKey) throws IOException, InterruptedException {
        for (String line : run(null, "wg", "show", device, "endpoints").split("\n")) {
            String[] columns = line.split("\t");
            if (columns.length == 2 && columns[0].equals(peerPublicKey)) return columns[1];
        }
        throw new IllegalStateException(peerPublicKey + " is not a peer of " + device);
    }

    /** Kills wireguard-go (which removes its device) and deletes the device if it was left behind. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (process != null) process.close();
        process = null;
        if (new File("/sys/class/net/" + device).exists()) run(null, "ip", "link", "del", device);
    }

    private boolean configureOnceCreated() throws IOException, InterruptedException {
        if (!new File("/sys/class/net/" + device).exists()) return false;
        List<String> set = new ArrayList<>(List.of("wg", "set", device, "private-key", privateKeyFile.toString(),
                "listen-port", String.valueOf(port)));
        peers.values().forEach(set::addAll);
        run(null, set.toArray(String[]::new));
        run(null, "ip", "link", "set", device, "up");
        for (String route : routes) run(null, "ip", "route", "add", route, "dev", device);
        return true;
    }

    private String log() {
        try {
            return Files.readString(new File(dir, device + ".log").toPath());
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** Runs a command, feeding it {@code input}; returns its output or throws with it when it fails. */
    static String run(String input, String... command) throws IOException, InterruptedException {
        // stderr apart: wg genkey may warn there, and only stdout is the key.
        Process p = new ProcessBuilder(command).start();
        try (var stdin = p.getOutputStream()) {
            if (input != null) stdin.write(input.getBytes(StandardCharsets.US_ASCII));
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output + errors);
        }
        return output;
    }
}
