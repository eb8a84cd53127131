package org.proxyfund.probe.mtproto;

import java.math.BigInteger;
import java.util.random.RandomGenerator;

/**
 * Splits resPQ's pq (a product of two primes below 2^32 in practice) with Pollard's rho in Brent's variant, on
 * 64-bit Montgomery arithmetic with batched gcds: about a millisecond, which matters at thousands of checks a minute.
 */
final class PqFactor {

    private static final int MAX_STEPS = 1 << 22;
    private static final int BATCH = 128;

    private PqFactor() {
    }

    /** The smaller factor p of pq (p ≤ q), or null if pq is not below 2^63 or no factor is found in bounded steps. */
    public static BigInteger smallerFactor(BigInteger pq, RandomGenerator random) {
        if (pq.signum() <= 0 || pq.bitLength() > 63) return null;
        long n = pq.longValue();
        if (n < 4) return null;
        if ((n & 1) == 0) return BigInteger.TWO;
        Montgomery m = new Montgomery(n);
        for (int attempt = 0; attempt < 8; attempt++) {
            long factor = brent(m, 1 + random.nextLong(n - 1), 1 + random.nextLong(n - 1));
            if (factor > 1 && factor < n) return BigInteger.valueOf(Math.min(factor, n / factor));
        }
        return null;
    }

    /** One run of Brent's cycle finding with f(x) = x² + c; returns a non-trivial divisor, n, or 1. */
    private static long brent(Montgomery m, long y, long c) {
        long n = m.n;
        long x = y;
        long ys = y;
        long product = 1;
        long g = 1;
        int steps = 0;
        for (int r = 1; g == 1 && steps < MAX_STEPS; r <<= 1) {
            x = y;
            for (int k = 0; k < r && g == 1; k += BATCH) {
                ys = y;
                for (int i = 0; i < Math.min(BATCH, r - k); i++, steps++) {
                    y = m.addMod(m.multiply(y, y), c);
                    product = m.multiply(product, Math.abs(x - y));
                }
                g = gcd(product, n);
            }
        }
        if (g == n) {
            // The batch overshot: redo it one step at a time from its start.
            do {
                ys = m.addMod(m.multiply(ys, ys), c);
                g = gcd(Math.abs(x - ys), n);
            } while (g == 1);
        }
        return g;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** Montgomery multiplication modulo an odd n below 2^63 (R = 2^64); values stay in Montgomery form throughout. */
    private static final class Montgomery {
        final long n;
        private final long negInverse;

        Montgomery(long n) {
            this.n = n;
            long inverse = n;
            for (int i = 0; i < 5; i++) inverse *= 2 - n * inverse;
            this.negInverse = -inverse;
        }

        long multiply(long a, long b) {
            long hi = Math.unsignedMultiplyHigh(a, b);
            long lo = a * b;
            long t = lo * negInverse;
            long result = hi + Math.unsignedMultiplyHigh(t, n) + (lo != 0 ? 1 : 0);
            return Long.compareUnsigned(result, n) >= 0 ? result - n : result;
        }

        long addMod(long a, long b) {
            long s = a + b;
            return Long.compareUnsigned(s, n) >= 0 ? s - n : s;
        }
    }
}
