package org.proxyfund.endpoint;

import java.util.Objects;

/**
 * The outcome of looking for an endpoint's ownership token (OpenVPN), by DNS TXT record or HTTP well-known URL.
 *
 * @param outcome what was found
 * @param method  where it was looked for (the successful method when verified)
 * @param message an English sentence for the operator
 */
public record OwnershipCheck(Outcome outcome, Method method, String message) {

    /** Where the token is published. */
    public enum Method { DNS_TXT, HTTP_WELL_KNOWN }

    /** What the lookup found. */
    public enum Outcome { VERIFIED, NOT_FOUND, UNREACHABLE, HOST_REFUSED }

    public OwnershipCheck {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(message, "message");
    }

    /** True when the token was found where the operator said it would be. */
    public boolean verified() {
        return outcome == Outcome.VERIFIED;
    }
}
