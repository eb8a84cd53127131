package org.proxyfund.probe.wireguard;

import org.proxyfund.probe.CheckResult;
import org.proxyfund.probe.Detail;
import org.proxyfund.probe.DownReason;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The UDP part of one WireGuard check on a connected socket: fresh initiations spread over the time limit (UDP may
 * lose any of them), every datagram that comes back matched against all of them. A cookie reply (the server is under
 * load) is answered at once with an initiation carrying mac2, and then one more every {@link #COOKIE_RESEND} (or the
 * usual spacing, if shorter) until the time is up: a server under load drops handshakes its queue has no room for,
 * ours included, so one mac2 attempt is not enough. Datagrams that are not a response to us are ignored. Not
 * thread-safe: one per check.
 */
final class WireGuardExchange {

    private static final int MAX_DATAGRAM = 2048;
    /**
     * How often an initiation with mac2 goes out while we hold a cookie. WireGuard lets one address through 20
     * handshakes a second (burst 5) while under load, so one a second stays far inside that.
     */
    private static final Duration COOKIE_RESEND = Duration.ofSeconds(1);

    private record Sent(Initiation initiation, long atNanos, boolean withCookie) {
    }

    private final DatagramSocket socket;
    private final byte[] monitorPrivate;
    private final byte[] serverPublic;
    private final SecureRandom random;
    private final Duration timeout;
    private final int attempts;
    private final List<Sent> sent = new ArrayList<>();
    private byte[] cookie;
    /** When the next initiation with mac2 goes out; only meaningful once {@link #cookie} is set. */
    private long nextCookieSend;
    private boolean foreignSeen;

    WireGuardExchange(DatagramSocket socket, byte[] monitorPrivate, byte[] serverPublic, SecureRandom random,
                      Duration timeout, int attempts) {
        this.socket = socket;
        this.monitorPrivate = monitorPrivate;
        this.serverPublic = serverPublic;
        this.random = random;
        this.timeout = timeout;
        this.attempts = Math.max(1, attempts);
    }

    /**
     * Runs until a response to one of our initiations completes the handshake (UP) or fails to authenticate
     * (AUTH_REJECTED), or the time is up: then null, and {@link #cookieSeen()} / {@link #foreignSeen()} say what
     * else came back. ICMP errors surface as {@link java.net.PortUnreachableException} or another IOException.
     */
    CheckResult run() throws IOException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long spacing = timeout.toNanos() / attempts;
        long cookieSpacing = Math.min(spacing, COOKIE_RESEND.toNanos());
        long nextSend = start;
        byte[] buffer = new byte[MAX_DATAGRAM];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (true) {
            long now = System.nanoTime();
            if (now >= deadline) return null;
            if (cookie != null && now >= nextCookieSend) {
                send(now);
                nextCookieSend = now + cookieSpacing;
            } else if (cookie == null && now >= nextSend && sent.size() < attempts) {
                send(now);
                nextSend = now + spacing;
            }
            long due = cookie != null ? nextCookieSend : sent.size() < attempts ? nextSend : deadline;
            long wakeAt = Math.min(deadline, due);
            socket.setSoTimeout((int) Math.max(1, (wakeAt - now) / 1_000_000));
            packet.setLength(buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                continue;
            }
            CheckResult result = handle(buffer, packet.getLength());
            if (result != null) return result;
        }
    }

    /** True when the server sent a valid cookie reply (it is under load) at some point. */
    boolean cookieSeen() {
        return cookie != null;
    }

    /** True when something answered on the port with datagrams that are not WireGuard at all. */
    boolean foreignSeen() {
        return foreignSeen;
    }

    private void send(long now) throws IOException {
        byte[] ephemeral = new byte[Noise.KEY_BYTES];
        random.nextBytes(ephemeral);
        Initiation initiation = Initiation.create(monitorPrivate, serverPublic, ephemeral, random.nextInt(), Instant.now(), cookie);
        byte[] message = initiation.message();
        socket.send(new DatagramPacket(message, message.length));
        sent.add(new Sent(initiation, now, cookie != null));
    }

    private CheckResult handle(byte[] datagram, int length) {
        long now = System.nanoTime();
        if (!Initiation.looksLikeWireGuard(datagram, length)) {
            foreignSeen = true;
            return null;
        }
        for (Sent s : sent.reversed()) {
            switch (s.initiation().consumeResponse(datagram, length)) {
                case AUTHENTICATED -> {
                    return CheckResult.upWeak(Duration.ofNanos(now - s.atNanos()), Detail.of(s.withCookie() ? "wg_up_cookie" : "wg_up"));
                }
                case NOT_AUTHENTICATED -> {
                    return CheckResult.down(DownReason.AUTH_REJECTED, Detail.of("wg_not_authenticated"));
                }
                case NOT_OURS -> {
                    byte[] fresh = s.initiation().consumeCookieReply(datagram, length);
                    if (fresh != null) {
                        // A reply to an initiation without mac2 asks for one now; a reply to one with mac2 (our cookie
                        // went stale) only renews the cookie, so two of them can never make a loop.
                        if (!s.withCookie()) nextCookieSend = now;
                        cookie = fresh;
                        return null;
                    }
                }
            }
        }
        return null;
    }
}
