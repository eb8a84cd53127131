package org.proxyfund.wallet.address;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The text an operator signs to prove a payout address is theirs. One line, ASCII-safe, fixed field order:
 * <pre>{service} payout address proof: handle={handle} address={address} nonce={32 hex} issued={ISO-8601 UTC, seconds}</pre>
 * e.g. {@code proxyfund payout address proof: handle=alice address=bc1q… nonce=9f… issued=2026-11-22T03:50:00Z}.
 * Characters outside printable ASCII in the service name or handle are written as {@code \\uXXXX}, so what a wallet
 * shows, what the operator copies and what the service verifies are byte-for-byte the same.
 *
 * @param service  the service's name as shown to operators
 * @param handle   the operator's handle
 * @param address  the payout address (normalized form)
 * @param nonce    32 hex digits, unique per challenge
 * @param issuedAt when the challenge was issued (whole seconds)
 */
public record OwnershipChallenge(String service, String handle, String address, String nonce, Instant issuedAt) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public OwnershipChallenge {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(nonce, "nonce");
        issuedAt = issuedAt.truncatedTo(ChronoUnit.SECONDS);
        if (!nonce.matches("[0-9a-f]{32}")) throw new IllegalArgumentException("nonce must be 32 lowercase hex digits");
        if (!address.matches("[A-Za-z0-9]{1,100}")) throw new IllegalArgumentException("address must be alphanumeric");
    }

    /** A new challenge with a fresh random nonce. */
    public static OwnershipChallenge issue(String service, String handle, String address, Instant now) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        return new OwnershipChallenge(service, handle, address, HexFormat.of().formatHex(nonce), now);
    }

    /** The exact message to sign. */
    public String text() {
        return safe(service) + " payout address proof: handle=" + safe(handle) + " address=" + address
                + " nonce=" + nonce + " issued=" + issuedAt;
    }

    private static String safe(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x21 && c <= 0x7e && c != '\\' && c != '=') out.append(c);
            else out.append(String.format("\\u%04x", (int) c));
        }
        return out.toString();
    }
}
