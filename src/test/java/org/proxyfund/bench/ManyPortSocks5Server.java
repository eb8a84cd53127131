package org.proxyfund.bench;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The benchmark's own SOCKS5 server (RFC 1928/1929, username/password, CONNECT, real relaying) listening on many
 * loopback ports at once, one virtual thread per listener and per connection. Run as its own process, so its CPU
 * is not counted as the monitor's: {@code java ManyPortSocks5Server <count> <user> <password> <ports-file>}; it
 * writes the ports it bound, one per line, then "READY" on stdout, and runs until killed.
 */
public final class ManyPortSocks5Server {

    private final byte[] user;
    private final byte[] password;

    private ManyPortSocks5Server(String user, String password) {
        this.user = user.getBytes(StandardCharsets.UTF_8);
        this.password = password.getBytes(StandardCharsets.UTF_8);
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        ManyPortSocks5Server server = new ManyPortSocks5Server(args[1], args[2]);
        List<ServerSocket> listeners = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ServerSocket listener = new ServerSocket();
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            listeners.add(listener);
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[3])))) {
            listeners.forEach(l -> out.println(l.getLocalPort()));
        }
        listeners.forEach(l -> Thread.ofVirtual().start(() -> server.accept(l)));
        System.out.println("READY " + count);
        System.out.flush();
        new CountDownLatch(1).await();
    }

    private void accept(ServerSocket listener) {
        while (true) {
            try {
                Socket client = listener.accept();
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setSoTimeout(10_000);
            DataInputStream in = new DataInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            if (in.readUnsignedByte() != 5) return;
            byte[] methods = in.readNBytes(in.readUnsignedByte());
            if (!contains(methods, 2)) {
                out.write(new byte[]{5, (byte) 0xFF});
                return;
            }
            out.write(new byte[]{5, 2});
            in.readUnsignedByte();
            byte[] u = in.readNBytes(in.readUnsignedByte());
            byte[] p = in.readNBytes(in.readUnsignedByte());
            boolean ok = java.util.Arrays.equals(u, user) && java.util.Arrays.equals(p, password);
            out.write(new byte[]{1, (byte) (ok ? 0 : 1)});
            if (!ok) return;
            byte[] head = in.readNBytes(3);
            InetSocketAddress target = readAddress(in);
            if (head.length != 3 || head[1] != 1 || target == null) {
                out.write(new byte[]{5, 7, 0, 1, 0, 0, 0, 0, 0, 0});
                return;
            }
            try (Socket upstream = new Socket()) {
                try {
                    upstream.connect(target, 5_000);
                } catch (IOException e) {
                    out.write(new byte[]{5, 5, 0, 1, 0, 0, 0, 0, 0, 0});
                    return;
                }
                out.write(new byte[]{5, 0, 0, 1, 127, 0, 0, 1, 0, 0});
                out.flush();
                relay(client, upstream);
            }
        } catch (IOException e) {
            // the client or the target went away: nothing to report in a benchmark server
        }
    }

    private static void relay(Socket client, Socket upstream) throws IOException {
        upstream.setSoTimeout(10_000);
        Thread back = Thread.ofVirtual().start(() -> copy(upstream, client));
        copy(client, upstream);
        try {
            back.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void copy(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            in.transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            // one side closed; the other copy ends on its own
        }
    }

    private static InetSocketAddress readAddress(DataInputStream in) throws IOException {
        int type = in.readUnsignedByte();
        InetAddress address;
        switch (type) {
            case 1 -> address = InetAddress.getByAddress(in.readNBytes(4));
            case 4 -> address = InetAddress.getByAddress(in.readNBytes(16));
            case 3 -> address = InetAddress.getByName(new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.US_ASCII));
            default -> {
                return null;
            }
        }
        return new InetSocketAddress(address, in.readUnsignedShort());
    }

    private static boolean contains(byte[] values, int wanted) {
        for (byte v : values) if (v == wanted) return true;
        return false;
    }
}
