package org.proxyfund.endpoint;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parses IP address literals without ever asking DNS: strict dotted-quad IPv4 and IPv6 (bracketed or not). */
final class IpLiterals {

    private static final Pattern V4 = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    private static final Pattern V6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private IpLiterals() {
    }

    /** The address this literal denotes, or empty when it is not a well-formed IPv4 or IPv6 literal. */
    static Optional<InetAddress> parse(String text) {
        if (text == null) return Optional.empty();
        String s = stripBrackets(text.trim());
        try {
            if (V4.matcher(s).matches()) {
                String[] parts = s.split("\\.");
                byte[] b = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int v = Integer.parseInt(parts[i]);
                    if (v > 255) return Optional.empty();
                    b[i] = (byte) v;
                }
                return Optional.of(InetAddress.getByAddress(b));
            }
            // A string with ':' is only ever parsed as an IPv6 literal by the JDK, never looked up.
            if (s.indexOf(':') >= 0 && V6_CHARS.matcher(s).matches()) {
                return Optional.of(InetAddress.getByName("[" + s + "]"));
            }
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static final Pattern V4_ATTEMPT = Pattern.compile("[0-9.]+");
    private static final Pattern V6_ATTEMPT = Pattern.compile("\\[?[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*]?");

    /** True when the text looks like an attempt at an IP literal: digits and dots only, or hex digits with colons. */
    static boolean looksLikeLiteral(String text) {
        String s = text.trim();
        return V4_ATTEMPT.matcher(s).matches() || V6_ATTEMPT.matcher(s).matches();
    }

    static String stripBrackets(String s) {
        return s.length() >= 2 && s.charAt(0) == '[' && s.charAt(s.length() - 1) == ']' ? s.substring(1, s.length() - 1) : s;
    }
}
