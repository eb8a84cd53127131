package org.proxyfund.probe.wireguard;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * XChaCha20-Poly1305 (draft-irtf-cfrg-xchacha), which WireGuard's cookie reply uses: HChaCha20 turns the key and the
 * first 16 nonce bytes into a subkey, then ChaCha20-Poly1305 (from the JDK) runs with 4 zero bytes and the last 8.
 */
final class XChaCha20Poly1305 {

    /** Bytes of an extended nonce. */
    public static final int NONCE_BYTES = 24;

    private static final int[] SIGMA = {0x61707865, 0x3320646e, 0x79622d32, 0x6b206574};

    private XChaCha20Poly1305() {
    }

    /** Decrypts and authenticates; null when the tag does not authenticate. */
    public static byte[] open(byte[] key, byte[] nonce, byte[] sealed, byte[] aad) {
        if (nonce.length != NONCE_BYTES) throw new IllegalArgumentException("XChaCha20 nonce must be 24 bytes");
        byte[] subkey = hchacha20(key, Arrays.copyOf(nonce, 16));
        byte[] shortNonce = new byte[12];
        System.arraycopy(nonce, 16, shortNonce, 4, 8);
        return Noise.open(subkey, shortNonce, sealed, aad);
    }

    /** HChaCha20(key, 16-byte input): 20 ChaCha rounds without the final addition; words 0-3 and 12-15 out. */
    public static byte[] hchacha20(byte[] key, byte[] input) {
        if (key.length != 32 || input.length != 16) throw new IllegalArgumentException("HChaCha20 takes a 32-byte key and 16 bytes");
        int[] x = new int[16];
        System.arraycopy(SIGMA, 0, x, 0, 4);
        ByteBuffer k = ByteBuffer.wrap(key).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 8; i++) x[4 + i] = k.getInt();
        ByteBuffer n = ByteBuffer.wrap(input).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 4; i++) x[12 + i] = n.getInt();
        for (int round = 0; round < 10; round++) {
            quarterRound(x, 0, 4, 8, 12);
            quarterRound(x, 1, 5, 9, 13);
            quarterRound(x, 2, 6, 10, 14);
            quarterRound(x, 3, 7, 11, 15);
            quarterRound(x, 0, 5, 10, 15);
            quarterRound(x, 1, 6, 11, 12);
            quarterRound(x, 2, 7, 8, 13);
            quarterRound(x, 3, 4, 9, 14);
        }
        ByteBuffer out = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 4; i++) out.putInt(x[i]);
        for (int i = 12; i < 16; i++) out.putInt(x[i]);
        return out.array();
    }

    private static void quarterRound(int[] x, int a, int b, int c, int d) {
        x[a] += x[b];
        x[d] = Integer.rotateLeft(x[d] ^ x[a], 16);
        x[c] += x[d];
        x[b] = Integer.rotateLeft(x[b] ^ x[c], 12);
        x[a] += x[b];
        x[d] = Integer.rotateLeft(x[d] ^ x[a], 8);
        x[c] += x[d];
        x[b] = Integer.rotateLeft(x[b] ^ x[c], 7);
    }
}
