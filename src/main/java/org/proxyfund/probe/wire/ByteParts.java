package org.proxyfund.probe.wire;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * Byte-array helpers the protocol checkers share: concatenation for packet layouts, hashes over several parts.
 * Public for every protocol folder (mtproto, openvpn, wireguard).
 */
public final class ByteParts {

    private ByteParts() {
    }

    /** The parts one after another. */
    public static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) length += part.length;
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    /** SHA-1 of the parts concatenated. */
    public static byte[] sha1(byte[]... parts) {
        return digest("SHA-1", parts);
    }

    /** SHA-256 of the parts concatenated. */
    public static byte[] sha256(byte[]... parts) {
        return digest("SHA-256", parts);
    }

    private static byte[] digest(String algorithm, byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            for (byte[] p : parts) digest.update(p);
            return digest.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is missing from this JDK", e);
        }
    }
}
