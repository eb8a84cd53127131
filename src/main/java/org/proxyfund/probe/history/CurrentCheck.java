package org.proxyfund.probe.history;

import org.proxyfund.probe.Detail;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The latest check of an endpoint as the scheduler left it in {@code check_schedule}, as it may be shown: a result
 * older than two check intervals is STALE, never UP (a check that hangs must not keep an old "Up" on the page).
 *
 * @param state      what to show: UP, DOWN, UNKNOWN, STALE (no result for more than two intervals), or NONE (never checked)
 * @param lastStatus the status of the latest recorded check (UP, DOWN, UNKNOWN), null when never checked
 * @param reason     a DownReason name when the latest check was DOWN, else null
 * @param detail     the latest check's technical detail in English
 * @param detailCode the same detail as a message, shown in the page's language; null for results stored as text only
 */
public record CurrentCheck(String state, String lastStatus, String reason, String detail, OffsetDateTime lastCheckedAt,
                           Integer latencyMs, OffsetDateTime downSince, boolean weakEvidence, Detail detailCode) {

    /** An endpoint not checked yet. */
    public static final CurrentCheck NONE = new CurrentCheck("NONE", null, null, null, null, null, null, false, null);

    /** The shown state of a check recorded at {@code checkedAt}: STALE when that is before {@code staleBefore}. */
    public static String shownState(String status, OffsetDateTime checkedAt, OffsetDateTime staleBefore) {
        return checkedAt.isBefore(staleBefore) ? "STALE" : status;
    }

    /** True when no result came in for more than two intervals. */
    public boolean stale() {
        return "STALE".equals(state);
    }

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
