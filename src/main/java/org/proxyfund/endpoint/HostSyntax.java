package org.proxyfund.endpoint;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Host syntax: RFC 1123 DNS names (IDN converted to ASCII), dotted-quad IPv4 and IPv6 with or without brackets. */
final class HostSyntax {

    static final int MAX_NAME_LENGTH = 253;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private HostSyntax() {
    }

    /** The host in canonical form (lowercase ASCII, no brackets, no trailing dot), or empty when malformed. */
    static Optional<String> normalize(String host) {
        if (host == null) return Optional.empty();
        String h = host.trim();
        if (h.isEmpty() || h.length() > MAX_NAME_LENGTH + 2) return Optional.empty();
        if (IpLiterals.looksLikeLiteral(h)) {
            return IpLiterals.parse(h).map(a -> a.getHostAddress().toLowerCase(Locale.ROOT));
        }
        if (h.endsWith(".")) h = h.substring(0, h.length() - 1);
        String ascii;
        try {
            ascii = IDN.toASCII(h, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return isDnsName(ascii) ? Optional.of(ascii) : Optional.empty();
    }

    /** RFC 1123 name with at least two labels and a top-level label that is not all digits (RFC 3696). */
    static boolean isDnsName(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) return false;
        String[] labels = name.split("\\.", -1);
        if (labels.length < 2) return false;
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) return false;
        }
        return !labels[labels.length - 1].matches("[0-9]+");
    }
}
