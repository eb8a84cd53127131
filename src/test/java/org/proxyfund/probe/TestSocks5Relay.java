package org.proxyfund.probe;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A SOCKS5 server of the tests' own (RFC 1928/1929) whose behaviour a test switches while it runs: relay honestly
 * with the issued credential, accept any password or no authentication at all (an open proxy), relay only to some
 * ports, relay after a delay, or, after a successful CONNECT, trickle one byte at a time and never relay.
 */
public final class TestSocks5Relay extends LoopbackServer {

    /** How it treats authentication. */
    public enum Auth {
        /** Username/password, only the configured pair. */
        ISSUED,
        /** Username/password, any pair: the "accepts any password" relay. */
        ANY_PASSWORD,
        /** Only "no authentication" (method 0), as danted with socksmethod: none. */
        NONE
    }

    /** What it does once a CONNECT succeeded. */
    public enum Behaviour { RELAY, TRICKLE }

    private volatile String user;
    private volatile String password;
    private volatile Auth auth = Auth.ISSUED;
    private volatile Behaviour behaviour = Behaviour.RELAY;
    private volatile Set<Integer> allowedPorts;
    private volatile long delayMillis;
    private volatile long trickleMillis = 4000;

    public TestSocks5Relay(String user, String password) {
        this.user = user;
        this.password = password;
    }

    /** The username/password it accepts in ISSUED mode (e.g. the credential issued after registering at its port). */
    public TestSocks5Relay credential(String newUser, String newPassword) {
        user = newUser;
        password = newPassword;
        return this;
    }

    public TestSocks5Relay auth(Auth value) {
        auth = value;
        return this;
    }

    public TestSocks5Relay behaviour(Behaviour value) {
        behaviour = value;
        return this;
    }

    /** Relays only to these destination ports (null: any). */
    public TestSocks5Relay allowPorts(Set<Integer> ports) {
        allowedPorts = ports == null ? null : Set.copyOf(ports);
        return this;
    }

    /** Waits this long after a CONNECT before relaying (a slow but honest proxy). */
    public TestSocks5Relay delay(long millis) {
        delayMillis = millis;
        return this;
    }

    /** In TRICKLE: one byte every this many milliseconds (4 s: just under a 5 s read timeout). */
    public TestSocks5Relay trickleEvery(long millis) {
        trickleMillis = millis;
        return this;
    }

    @Override
    protected void serve(Socket client) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(client.getInputStream()));
        OutputStream out = client.getOutputStream();
        if (in.readUnsignedByte() != 5) return;
        byte[] methods = in.readNBytes(in.readUnsignedByte());
        int wanted = auth == Auth.NONE ? 0 : 2;
        if (!contains(methods, wanted)) {
            out.write(new byte[]{5, (byte) 0xFF});
            out.flush();
            return;
        }
        out.write(new byte[]{5, (byte) wanted});
        out.flush();
        if (wanted == 2) {
            in.readUnsignedByte();
            String u = new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.UTF_8);
            String p = new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.UTF_8);
            boolean ok = auth == Auth.ANY_PASSWORD || (user.equals(u) && password.equals(p));
            out.write(new byte[]{1, (byte) (ok ? 0 : 1)});
            out.flush();
            if (!ok) return;
        }
        byte[] head = in.readNBytes(3);
        if (head.length < 3 || head[1] != 1) return;
        InetSocketAddress destination = address(in);
        Set<Integer> ports = allowedPorts;
        if (ports != null && !ports.contains(destination.getPort())) {
            out.write(new byte[]{5, 2, 0, 1, 0, 0, 0, 0, 0, 0}); // connection not allowed by ruleset
            out.flush();
            return;
        }
        sleep(delayMillis);
        if (behaviour == Behaviour.TRICKLE) {
            out.write(new byte[]{5, 0, 0, 1, 127, 0, 0, 1, 0, 80});
            out.flush();
            trickle(out);
            return;
        }
        try (Socket upstream = track(new Socket())) {
            try {
                upstream.connect(destination, READ_TIMEOUT_MS);
            } catch (IOException e) {
                out.write(new byte[]{5, 5, 0, 1, 0, 0, 0, 0, 0, 0}); // connection refused
                out.flush();
                return;
            }
            out.write(new byte[]{5, 0, 0, 1, 127, 0, 0, 1, 0, 80});
            out.flush();
            upstream.setSoTimeout(READ_TIMEOUT_MS);
            pipe(in, out, upstream, client);
        }
    }

    private void trickle(OutputStream out) throws IOException {
        while (true) {
            sleep(trickleMillis);
            out.write(0x42);
            out.flush();
        }
    }

    private static void pipe(InputStream fromClient, OutputStream toClient, Socket upstream, Socket client) throws IOException {
        Thread back = Thread.ofVirtual().start(() -> {
            try {
                upstream.getInputStream().transferTo(toClient);
            } catch (IOException e) {
                // either side went away
            } finally {
                closeQuietly(client);
            }
        });
        try {
            fromClient.transferTo(upstream.getOutputStream());
        } finally {
            closeQuietly(upstream);
            try {
                back.join(READ_TIMEOUT_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static InetSocketAddress address(DataInputStream in) throws IOException {
        int type = in.readUnsignedByte();
        InetAddress host = switch (type) {
            case 1 -> InetAddress.getByAddress(in.readNBytes(4));
            case 4 -> InetAddress.getByAddress(in.readNBytes(16));
            default -> InetAddress.getByName(new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.US_ASCII));
        };
        return new InetSocketAddress(host, in.readUnsignedShort());
    }

    private static boolean contains(byte[] methods, int method) {
        for (byte m : methods) if ((m & 0xFF) == method) return true;
        return false;
    }

    private static void sleep(long millis) throws IOException {
        if (millis <= 0) return;
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }
}
