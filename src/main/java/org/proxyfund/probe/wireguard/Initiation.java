package org.proxyfund.probe.wireguard;

import org.proxyfund.probe.wire.ByteParts;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.Arrays;

/**
 * One WireGuard handshake initiation (message type 1) from the monitor's static key to a server's public key, built
 * as the whitepaper's section 5.4.2 says, and the initiator's side of what may come back: the handshake response
 * (type 2, section 5.4.3), completed cryptographically, or a cookie reply (type 3, section 5.4.7).
 */
final class Initiation {

    /** What a datagram that came back says about this initiation. */
    public enum Outcome {
        /** Not a handshake response to this initiation (wrong type, size, receiver index or mac1): ignore it. */
        NOT_OURS,
        /** A response to this initiation whose empty payload authenticates: the handshake is complete. */
        AUTHENTICATED,
        /** A response to this initiation that does not authenticate (e.g. the server mixes a preshared key). */
        NOT_AUTHENTICATED
    }

    /** Bytes of a handshake initiation. */
    public static final int INITIATION_BYTES = 148;
    /** Bytes of a handshake response. */
    public static final int RESPONSE_BYTES = 92;
    /** Bytes of a cookie reply. */
    public static final int COOKIE_REPLY_BYTES = 64;

    private static final int TYPE_INITIATION = 1;
    private static final int TYPE_RESPONSE = 2;
    private static final int TYPE_COOKIE_REPLY = 3;
    /** TAI64 label of the Unix epoch: 2^62 plus the 10 s TAI-UTC offset of 1970, as WireGuard implementations use. */
    private static final long TAI64_EPOCH = 0x400000000000000aL;
    private static final byte[] NO_PRESHARED_KEY = new byte[Noise.KEY_BYTES];

    private final byte[] staticPrivate;
    private final byte[] staticPublic;
    private final byte[] serverPublic;
    private final byte[] ephemeralPrivate;
    private final byte[] senderIndex;
    private final byte[] chainingKey;
    private final byte[] hash;
    private final byte[] mac1;
    private final byte[] message;

    private Initiation(byte[] staticPrivate, byte[] serverPublic, byte[] ephemeralPrivate, int senderIndex,
                       Instant now, byte[] cookie) {
        this.staticPrivate = staticPrivate.clone();
        this.staticPublic = Noise.publicKey(staticPrivate);
        this.serverPublic = serverPublic.clone();
        this.ephemeralPrivate = ephemeralPrivate.clone();
        this.senderIndex = le32(senderIndex);
        byte[] c = Noise.initialChainingKey();
        byte[] h = Noise.hash(Noise.initialHash(), serverPublic);
        byte[] ephemeral = Noise.publicKey(ephemeralPrivate);
        c = Noise.kdf(1, c, ephemeral)[0];
        h = Noise.hash(h, ephemeral);
        byte[][] ck = Noise.kdf(2, c, Noise.dh(ephemeralPrivate, serverPublic));
        c = ck[0];
        byte[] encryptedStatic = Noise.seal(ck[1], staticPublic, h);
        h = Noise.hash(h, encryptedStatic);
        ck = Noise.kdf(2, c, Noise.dh(staticPrivate, serverPublic));
        c = ck[0];
        byte[] encryptedTimestamp = Noise.seal(ck[1], tai64n(now), h);
        this.hash = Noise.hash(h, encryptedTimestamp);
        this.chainingKey = c;
        byte[] body = ByteParts.concat(header(TYPE_INITIATION), this.senderIndex, ephemeral, encryptedStatic, encryptedTimestamp);
        this.mac1 = Noise.mac(Noise.hash(Noise.LABEL_MAC1, serverPublic), body, body.length);
        byte[] withMac1 = ByteParts.concat(body, mac1);
        byte[] mac2 = cookie == null ? new byte[Noise.MAC_BYTES] : Noise.mac(cookie, withMac1, withMac1.length);
        this.message = ByteParts.concat(withMac1, mac2);
    }

    /**
     * Builds an initiation.
     *
     * @param staticPrivate    the monitor's X25519 private key (the issued credential)
     * @param serverPublic     the server's X25519 public key (the endpoint's registered field)
     * @param ephemeralPrivate a fresh X25519 private key, used for this initiation only
     * @param senderIndex      our random index, which the response names as its receiver
     * @param now              the time for the TAI64N timestamp (servers refuse one not newer than the last they took)
     * @param cookie           the cookie from a cookie reply, for mac2; null for none (mac2 all zeros)
     * @throws IllegalArgumentException if the server's public key is a low-order point
     */
    public static Initiation create(byte[] staticPrivate, byte[] serverPublic, byte[] ephemeralPrivate, int senderIndex,
                                    Instant now, byte[] cookie) {
        if (staticPrivate.length != Noise.KEY_BYTES || serverPublic.length != Noise.KEY_BYTES || ephemeralPrivate.length != Noise.KEY_BYTES) {
            throw new IllegalArgumentException("WireGuard keys are 32 bytes");
        }
        return new Initiation(staticPrivate, serverPublic, ephemeralPrivate, senderIndex, now, cookie);
    }

    /** The 148 bytes to send. */
    public byte[] message() {
        return message.clone();
    }

    /** Runs the initiator's side of the response's key schedule (ee, se, psk) and checks its empty payload. */
    public Outcome consumeResponse(byte[] datagram, int length) {
        if (length != RESPONSE_BYTES || !hasHeader(datagram, TYPE_RESPONSE)
                || !Arrays.equals(datagram, 8, 12, senderIndex, 0, 4)) {
            return Outcome.NOT_OURS;
        }
        // mac1 is keyed by our public key: without it the datagram is not addressed to us (whitepaper 5.4.4).
        byte[] expectedMac1 = Noise.mac(Noise.hash(Noise.LABEL_MAC1, staticPublic), datagram, 60);
        if (!Noise.macEquals(expectedMac1, datagram, 60)) return Outcome.NOT_OURS;
        byte[] responderEphemeral = Arrays.copyOfRange(datagram, 12, 44);
        byte[] c = Noise.kdf(1, chainingKey, responderEphemeral)[0];
        byte[] h = Noise.hash(hash, responderEphemeral);
        try {
            c = Noise.kdf(1, c, Noise.dh(ephemeralPrivate, responderEphemeral))[0];
            c = Noise.kdf(1, c, Noise.dh(staticPrivate, responderEphemeral))[0];
        } catch (IllegalArgumentException lowOrder) {
            return Outcome.NOT_AUTHENTICATED;
        }
        byte[][] ctk = Noise.kdf(3, c, NO_PRESHARED_KEY);
        h = Noise.hash(h, ctk[1]);
        byte[] empty = Noise.open(ctk[2], Arrays.copyOfRange(datagram, 44, 60), h);
        return empty != null && empty.length == 0 ? Outcome.AUTHENTICATED : Outcome.NOT_AUTHENTICATED;
    }

    /** The cookie in a cookie reply to this initiation, or null if the datagram is not one or does not authenticate. */
    public byte[] consumeCookieReply(byte[] datagram, int length) {
        if (length != COOKIE_REPLY_BYTES || !hasHeader(datagram, TYPE_COOKIE_REPLY)
                || !Arrays.equals(datagram, 4, 8, senderIndex, 0, 4)) {
            return null;
        }
        byte[] key = Noise.hash(Noise.LABEL_COOKIE, serverPublic);
        return XChaCha20Poly1305.open(key, Arrays.copyOfRange(datagram, 8, 32), Arrays.copyOfRange(datagram, 32, 64), mac1);
    }

    /** True if the datagram starts like a WireGuard message of any type (1-4 with zero reserved bytes). */
    public static boolean looksLikeWireGuard(byte[] datagram, int length) {
        return length >= 4 && datagram[0] >= 1 && datagram[0] <= 4 && datagram[1] == 0 && datagram[2] == 0 && datagram[3] == 0;
    }

    /** TAI64N: 8 bytes of TAI64 seconds, 4 bytes of nanoseconds, big-endian. */
    static byte[] tai64n(Instant now) {
        return ByteBuffer.allocate(12).putLong(TAI64_EPOCH + now.getEpochSecond()).putInt(now.getNano()).array();
    }

    private static byte[] header(int type) {
        return new byte[]{(byte) type, 0, 0, 0};
    }

    private static boolean hasHeader(byte[] datagram, int type) {
        return datagram[0] == type && datagram[1] == 0 && datagram[2] == 0 && datagram[3] == 0;
    }

    private static byte[] le32(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }
}
