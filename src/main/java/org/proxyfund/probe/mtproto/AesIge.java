package org.proxyfund.probe.mtproto;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;

/** AES-256 in IGE mode, as MTProto's key exchange uses it: 32-byte iv = first "previous ciphertext", then "previous plaintext". */
final class AesIge {

    private static final int BLOCK = 16;

    private AesIge() {
    }

    /** Encrypts whole blocks: c[i] = E(p[i] xor c[i-1]) xor p[i-1]. */
    public static byte[] encrypt(byte[] plain, byte[] key, byte[] iv) {
        return run(plain, key, iv, true);
    }

    /** Decrypts whole blocks: p[i] = D(c[i] xor p[i-1]) xor c[i-1]. */
    public static byte[] decrypt(byte[] cipherText, byte[] key, byte[] iv) {
        return run(cipherText, key, iv, false);
    }

    private static byte[] run(byte[] in, byte[] key, byte[] iv, boolean encrypt) {
        if (in.length % BLOCK != 0 || iv.length != 2 * BLOCK) throw new IllegalArgumentException("IGE works on whole 16-byte blocks with a 32-byte iv");
        try {
            Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"));
            byte[] previousCipher = java.util.Arrays.copyOfRange(iv, 0, BLOCK);
            byte[] previousPlain = java.util.Arrays.copyOfRange(iv, BLOCK, 2 * BLOCK);
            byte[] out = new byte[in.length];
            byte[] block = new byte[BLOCK];
            for (int offset = 0; offset < in.length; offset += BLOCK) {
                byte[] chainIn = encrypt ? previousCipher : previousPlain;
                byte[] chainOut = encrypt ? previousPlain : previousCipher;
                for (int i = 0; i < BLOCK; i++) block[i] = (byte) (in[offset + i] ^ chainIn[i]);
                byte[] done = aes.doFinal(block);
                for (int i = 0; i < BLOCK; i++) out[offset + i] = (byte) (done[i] ^ chainOut[i]);
                byte[] current = java.util.Arrays.copyOfRange(in, offset, offset + BLOCK);
                byte[] result = java.util.Arrays.copyOfRange(out, offset, offset + BLOCK);
                previousCipher = encrypt ? result : current;
                previousPlain = encrypt ? current : result;
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is missing from this JDK", e);
        }
    }
}
