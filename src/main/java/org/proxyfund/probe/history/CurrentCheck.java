package org.proxyfund.probe.history;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The latest check of an endpoint as the scheduler left it in {@code check_schedule}.
 *
 * @param state UP, DOWN, UNKNOWN, or NONE when the endpoint was never checked
 * @param reason a DownReason name while DOWN, else null
 */
public record CurrentCheck(String state, String reason, String detail, OffsetDateTime lastCheckedAt, Integer latencyMs,
                           OffsetDateTime downSince, boolean weakEvidence) {

    /** An endpoint not checked yet. */
    public static final CurrentCheck NONE = new CurrentCheck("NONE", null, null, null, null, null, false);

    private static final DateTimeFormatter UTC_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    public boolean checked() {
        return lastCheckedAt != null;
    }

    public String lastCheckedText() {
        return utc(lastCheckedAt);
    }

    public String downSinceText() {
        return utc(downSince);
    }

    /** A time as people read it, in UTC to the minute; null stays null. */
    public static String utc(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC).format(UTC_MINUTES);
    }
}
