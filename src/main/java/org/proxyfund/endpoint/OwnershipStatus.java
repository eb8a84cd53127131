package org.proxyfund.endpoint;

import java.time.OffsetDateTime;

/**
 * Whether an OpenVPN endpoint's ownership token is verified for its current address, and what the latest look found.
 *
 * @param verified  found at the latest look, for the endpoint's current address version
 * @param outcome   what the latest look for the current address found; null when none was made yet
 * @param method    where it was found (or last looked for); null before the first look
 * @param message   an English sentence about the latest look; null before the first look
 * @param checkedAt when the latest look for the current address was made; null before the first
 */
public record OwnershipStatus(boolean verified, OwnershipCheck.Outcome outcome, OwnershipCheck.Method method, String message,
                              OffsetDateTime checkedAt) {

    /** Not looked for yet (a new endpoint, or a new address after a rotation). */
    public static final OwnershipStatus NOT_YET = new OwnershipStatus(false, null, null, null, null);

    /** When the latest look was made, in UTC to the minute, as the pages show times; null before the first. */
    public String checkedText() {
        return checkedAt == null ? null
                : checkedAt.withOffsetSameInstant(java.time.ZoneOffset.UTC).format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
    }

    /** The outcome's name, or NOT_YET before the first look: what the page explains. */
    public String state() {
        return outcome == null ? "NOT_YET" : outcome.name();
    }
}
