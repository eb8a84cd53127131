package org.proxyfund.probe.wireguard;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A UDP hop on loopback between a checker and a server that behaves like a bad internet path: it can lose the first
 * datagrams from the checker and slip stray datagrams in before every reply. Two virtual threads; close() ends them.
 */
final class UdpRelay implements AutoCloseable {

    private final DatagramSocket front;
    private final DatagramSocket back;
    private final AtomicInteger toDrop;
    private final Predicate<byte[]> droppable;
    private final List<byte[]> strays;
    private final AtomicInteger forwarded = new AtomicInteger();
    private volatile SocketAddress client;

    /** Relays to the server's loopback port, dropping the first {@code drop} datagrams and sending {@code strays} before each reply. */
    UdpRelay(int serverPort, int drop, List<byte[]> strays) throws IOException {
        this(serverPort, drop, datagram -> true, strays);
    }

    /** As above, but only datagrams from the checker that {@code droppable} accepts count towards the {@code drop} lost. */
    UdpRelay(int serverPort, int drop, Predicate<byte[]> droppable, List<byte[]> strays) throws IOException {
        this.droppable = droppable;
        this.front = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.back = new DatagramSocket();
        back.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort));
        this.toDrop = new AtomicInteger(drop);
        this.strays = List.copyOf(strays);
        Thread.ofVirtual().start(this::outbound);
        Thread.ofVirtual().start(this::inbound);
    }

    /** The port the checker should send to. */
    int port() {
        return front.getLocalPort();
    }

    /** Datagrams from the checker that reached the server. */
    int forwarded() {
        return forwarded.get();
    }

    private void outbound() {
        byte[] buffer = new byte[2048];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            while (true) {
                packet.setLength(buffer.length);
                front.receive(packet);
                client = packet.getSocketAddress();
                if (droppable.test(Arrays.copyOf(buffer, packet.getLength())) && toDrop.getAndDecrement() > 0) continue;
                back.send(new DatagramPacket(buffer, packet.getLength()));
                forwarded.incrementAndGet();
            }
        } catch (IOException closed) {
            // close() ends the relay
        }
    }

    private void inbound() {
        byte[] buffer = new byte[2048];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            while (true) {
                packet.setLength(buffer.length);
                back.receive(packet);
                for (byte[] stray : strays) front.send(new DatagramPacket(stray, stray.length, client));
                front.send(new DatagramPacket(buffer, packet.getLength(), client));
            }
        } catch (IOException closed) {
            // close() ends the relay
        }
    }

    @Override
    public void close() {
        front.close();
        back.close();
    }
}
