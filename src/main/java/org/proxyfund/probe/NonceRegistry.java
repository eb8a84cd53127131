package org.proxyfund.probe;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Nonces this instance issued in the last minutes, each usable once. In memory and bounded, so it serves one replica:
 * with several replicas each checker must reach its own replica's canary (or the registry moves to PostgreSQL).
 */
public final class NonceRegistry {

    /** Bytes in one nonce. */
    public static final int NONCE_BYTES = 16;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Long> issuedAt = new LinkedHashMap<>();
    private final Duration ttl;
    private final int capacity;
    private final Clock clock;

    public NonceRegistry(Duration ttl, int capacity, Clock clock) {
        if (capacity < 1) throw new IllegalArgumentException("nonce capacity must be positive");
        this.ttl = ttl;
        this.capacity = capacity;
        this.clock = clock;
    }

    /** A fresh random nonce, remembered until used, expired or pushed out by newer ones. */
    public byte[] issue() {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        long now = clock.millis();
        synchronized (issuedAt) {
            forgetExpired(now);
            if (issuedAt.size() >= capacity) {
                Iterator<String> oldest = issuedAt.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
            issuedAt.put(HexFormat.of().formatHex(nonce), now);
        }
        return nonce;
    }

    /** True, once, for a nonce issued here within the time to live. */
    public boolean consume(byte[] nonce) {
        String key = HexFormat.of().formatHex(nonce);
        long now = clock.millis();
        synchronized (issuedAt) {
            Long at = issuedAt.remove(key);
            return at != null && now - at <= ttl.toMillis();
        }
    }

    /** How many nonces are remembered now (for tests and metrics). */
    public int size() {
        synchronized (issuedAt) {
            return issuedAt.size();
        }
    }

    private void forgetExpired(long now) {
        Iterator<Long> it = issuedAt.values().iterator();
        while (it.hasNext() && now - it.next() > ttl.toMillis()) it.remove();
    }
}
