package org.proxyfund.endpoint;

import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An "OpenVPN Static key V1" block, as {@code openvpn --genkey secret} writes it and operators hand to every client
 * for {@code tls-auth}: 2048 bits, 16 lines of 32 hex digits between BEGIN and END lines; {@code #} comments allowed.
 */
public final class OpenVpnStaticKey {

    /** Bytes in the key: two directions of (64 cipher + 64 HMAC) bytes. */
    public static final int KEY_BYTES = 256;
    /** Longest text accepted for the field (the block with openvpn's comment lines and some slack). */
    public static final int MAX_TEXT_LENGTH = 1024;
    private static final String BEGIN = "-----BEGIN OpenVPN Static key V1-----";
    private static final String END = "-----END OpenVPN Static key V1-----";
    private static final Pattern BLOCK = Pattern.compile(Pattern.quote(BEGIN) + "([0-9a-fA-F\\s]*)" + Pattern.quote(END));

    private OpenVpnStaticKey() {
    }

    /** The 256 key bytes, or empty when the text is not one well-formed static key block. */
    public static Optional<byte[]> parse(String text) {
        if (text == null || text.length() > MAX_TEXT_LENGTH) return Optional.empty();
        StringBuilder kept = new StringBuilder();
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) kept.append(trimmed).append('\n');
        }
        Matcher block = BLOCK.matcher(kept.toString().strip());
        if (!block.matches()) return Optional.empty();
        String hex = block.group(1).replaceAll("\\s", "");
        if (hex.length() != KEY_BYTES * 2) return Optional.empty();
        return Optional.of(HexFormat.of().parseHex(hex));
    }

    /** The block without comments, in openvpn's own layout (16 lines of 32 hex digits), for storage. */
    public static String canonical(byte[] key) {
        StringBuilder out = new StringBuilder(BEGIN).append('\n');
        String hex = HexFormat.of().formatHex(key);
        for (int i = 0; i < hex.length(); i += 32) out.append(hex, i, i + 32).append('\n');
        return out.append(END).toString();
    }
}
