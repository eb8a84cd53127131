package org.proxyfund.endpoint;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A real UDP DNS server on 127.0.0.1 answering TXT queries from a map; NXDOMAIN for other names. Test use only. */
final class TinyDnsServer implements AutoCloseable {

    private final DatagramSocket socket;
    private final Map<String, String> txt = new ConcurrentHashMap<>();
    private final Thread thread;

    TinyDnsServer() throws SocketException {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        thread = Thread.ofVirtual().start(this::serve);
    }

    void putTxt(String name, String value) {
        txt.put(name.toLowerCase(Locale.ROOT), value);
    }

    String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    private void serve() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                byte[] reply = answer(Arrays.copyOf(packet.getData(), packet.getLength()));
                socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
            } catch (IOException e) {
                return;
            }
        }
    }

    private byte[] answer(byte[] query) {
        int pos = 12;
        StringBuilder name = new StringBuilder();
        while (query[pos] != 0) {
            int len = query[pos];
            if (!name.isEmpty()) name.append('.');
            name.append(new String(query, pos + 1, len, StandardCharsets.US_ASCII));
            pos += len + 1;
        }
        int questionEnd = pos + 5;
        String value = txt.get(name.toString().toLowerCase(Locale.ROOT));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(query[0]);
        out.write(query[1]);
        out.write(0x81);
        out.write(value == null ? 0x83 : 0x80);
        out.writeBytes(new byte[]{0, 1, 0, (byte) (value == null ? 0 : 1), 0, 0, 0, 0});
        out.write(query, 12, questionEnd - 12);
        if (value != null) {
            byte[] text = value.getBytes(StandardCharsets.US_ASCII);
            out.writeBytes(new byte[]{(byte) 0xc0, 12, 0, 16, 0, 1, 0, 0, 0, 60, 0, (byte) (text.length + 1), (byte) text.length});
            out.writeBytes(text);
        }
        return out.toByteArray();
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join(2000);
    }
}
