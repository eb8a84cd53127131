package org.proxyfund.probe.relay;

import java.security.SecureRandom;

/**
 * A username and password that look like an issued credential ({@code pf-} + 12 letters, 24 characters) but were
 * never issued: what a negative control offers, so the endpoint cannot tell it from another operator's monitor.
 * Public for the checkers whose servers can accept anyone (socks5, httpconnect), which build that control.
 */
public record UnissuedCredential(String username, String password) {

    private static final char[] ALPHANUMERIC = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final char[] LOWER = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A fresh one, different from the issued username. */
    public static UnissuedCredential differentFrom(String issuedUser) {
        while (true) {
            UnissuedCredential c = new UnissuedCredential("pf-" + text(LOWER, 12), text(ALPHANUMERIC, 24));
            if (!c.username.equals(issuedUser)) return c;
        }
    }

    private static String text(char[] alphabet, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) out[i] = alphabet[RANDOM.nextInt(alphabet.length)];
        return new String(out);
    }
}
