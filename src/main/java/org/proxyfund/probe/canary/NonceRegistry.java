package org.proxyfund.probe.canary;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and verifies canary nonces. A nonce is {@code issued-at millis (8) | random (16) | tag (16)}, the tag an
 * HMAC-SHA256 under the canary key, so every replica sharing the key accepts every replica's nonces without shared
 * state, and nobody without the key can make one. Each nonce is accepted once per replica and only within its
 * time to live; the canary's answer is a MAC of the nonce, which a proxy that only pretends to relay cannot compute.
 */
final class NonceRegistry {

    /** Bytes in one nonce. */
    public static final int NONCE_BYTES = 40;
    /** Bytes in the canary's answer to one nonce. */
    public static final int ANSWER_BYTES = 32;
    /** Accepted clock difference between the replica that issued a nonce and the one that answers it. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private static final int RANDOM_BYTES = 16;
    private static final int TAG_BYTES = 16;
    private static final byte[] NONCE_LABEL = "proxyfund canary nonce".getBytes();
    private static final byte[] ANSWER_LABEL = "proxyfund canary answer".getBytes();

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;
    private final Map<String, Long> used = new LinkedHashMap<>();
    private final Duration ttl;
    private final int capacity;
    private final Clock clock;

    /**
     * @param key      the canary key (at least 32 bytes), the same on every replica
     * @param ttl      how long a nonce stays valid
     * @param capacity most used nonces remembered for the once-only rule; the oldest are forgotten first
     */
    public NonceRegistry(byte[] key, Duration ttl, int capacity, Clock clock) {
        if (capacity < 1) throw new IllegalArgumentException("nonce capacity must be positive");
        if (key.length < 32) throw new IllegalArgumentException("the canary key needs at least 32 bytes");
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.ttl = ttl;
        this.capacity = capacity;
        this.clock = clock;
    }

    /** A fresh nonce, valid on any replica with the same key until its time to live runs out. */
    public byte[] issue() {
        ByteBuffer nonce = ByteBuffer.allocate(NONCE_BYTES).putLong(clock.millis());
        byte[] r = new byte[RANDOM_BYTES];
        random.nextBytes(r);
        nonce.put(r);
        byte[] body = Arrays.copyOf(nonce.array(), NONCE_BYTES - TAG_BYTES);
        nonce.put(mac(NONCE_LABEL, body), 0, TAG_BYTES);
        return nonce.array();
    }

    /** True, once, for a nonce made with this key within the time to live. */
    public boolean consume(byte[] nonce) {
        if (nonce.length != NONCE_BYTES) return false;
        byte[] body = Arrays.copyOf(nonce, NONCE_BYTES - TAG_BYTES);
        byte[] tag = Arrays.copyOfRange(mac(NONCE_LABEL, body), 0, TAG_BYTES);
        if (!MessageDigest.isEqual(tag, Arrays.copyOfRange(nonce, NONCE_BYTES - TAG_BYTES, NONCE_BYTES))) return false;
        long issuedAt = ByteBuffer.wrap(nonce).getLong();
        long now = clock.millis();
        if (issuedAt > now + CLOCK_SKEW.toMillis() || now - issuedAt > ttl.toMillis()) return false;
        synchronized (used) {
            forgetExpired(now);
            if (used.containsKey(HexFormat.of().formatHex(nonce))) return false;
            if (used.size() >= capacity) {
                Iterator<String> oldest = used.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
            used.put(HexFormat.of().formatHex(nonce), issuedAt);
        }
        return true;
    }

    /** The answer the canary gives for a nonce: only a holder of the key can compute it. */
    public byte[] answer(byte[] nonce) {
        return mac(ANSWER_LABEL, nonce);
    }

    /** How many used nonces are remembered now (for tests and metrics). */
    public int size() {
        synchronized (used) {
            return used.size();
        }
    }

    private void forgetExpired(long now) {
        // Entries are in order of use, which follows issue order closely: stop at the first fresh one.
        Iterator<Long> it = used.values().iterator();
        while (it.hasNext() && now - it.next() > ttl.toMillis()) it.remove();
    }

    private byte[] mac(byte[] label, byte[] data) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            hmac.update(label);
            return hmac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
