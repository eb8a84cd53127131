package org.proxyfund.common.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Random bearer secrets (256 bits) and the one-way hashes stored in their place. */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    /** A new URL-safe random token carrying 256 bits. */
    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * A new URL-safe random identifier of {@code bytes} random bytes whose first character is a letter or a digit: an
     * identifier that begins with '-' or '_' reads as an option on a command line and, beginning with '-', is defused
     * with an apostrophe in CSV exports (a spreadsheet would take it for a formula), so the export would not carry the
     * identifier itself. Redrawing costs under 0.05 bits of the identifier's entropy.
     */
    public static String publicId(int bytes) {
        byte[] raw = new byte[bytes];
        String id;
        do {
            RANDOM.nextBytes(raw);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        } while (!Character.isLetterOrDigit(id.charAt(0)));
        return id;
    }

    /** SHA-256 of the token's text: what the database keeps. */
    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** Compares two secrets in constant time; null never matches. */
    public static boolean sameSecret(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
