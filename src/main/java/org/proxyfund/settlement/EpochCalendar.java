package org.proxyfund.settlement;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.Objects;

/**
 * The settlement calendar: epochs of a fixed length counted from an anchor instant, always in UTC (so no
 * daylight-saving shift can stretch or shrink an epoch).
 *
 * <p>Epoch {@code n} is [anchor + n·length, anchor + (n+1)·length); instants before the anchor fall into negative
 * indexes (floor division), so every instant has exactly one epoch. The default is weekly from Monday 2024-01-01
 * 00:00 UTC, i.e. ISO weeks.
 *
 * <p>Key: for a weekly calendar anchored on a Monday 00:00 UTC the key is the ISO week of the start, e.g.
 * {@code 2026-W47} (week-based year, so the week from Monday 2026-12-28 is {@code 2026-W53}); for any other
 * calendar it is the start instant in ISO-8601, e.g. {@code 2026-11-16T00:00:00Z}. Both are unique per epoch of one
 * calendar. After a change of calendar, settlement continues where the last settled epoch ended
 * ({@link #periodStartingAt}), whatever the new grid.
 */
public final class EpochCalendar {

    /** The default anchor: Monday 2024-01-01 00:00 UTC. */
    public static final Instant DEFAULT_ANCHOR = Instant.parse("2024-01-01T00:00:00Z");

    private final Duration length;
    private final Instant anchor;
    private final boolean isoWeeks;

    /** A calendar of epochs of {@code length} (at least one second, whole seconds) counted from {@code anchor}. */
    public EpochCalendar(Duration length, Instant anchor) {
        this.length = Objects.requireNonNull(length, "length");
        this.anchor = Objects.requireNonNull(anchor, "anchor");
        if (length.getSeconds() < 1 || length.getNano() != 0) {
            throw new IllegalArgumentException("epoch length must be whole seconds and at least 1 s, got " + length);
        }
        ZonedDateTime a = anchor.atZone(ZoneOffset.UTC);
        this.isoWeeks = length.equals(Duration.ofDays(7)) && a.getDayOfWeek() == DayOfWeek.MONDAY
                && a.toLocalTime().toSecondOfDay() == 0 && a.getNano() == 0;
    }

    /** The default calendar: weekly, Monday 00:00 UTC. */
    public static EpochCalendar weekly() {
        return new EpochCalendar(Duration.ofDays(7), DEFAULT_ANCHOR);
    }

    /** The calendar configured in {@code proxyfund.settlement.*}. */
    public static EpochCalendar from(SettlementConfig config) {
        return new EpochCalendar(parseLength(config.epochLength()), Instant.parse(config.epochAnchor()));
    }

    /**
     * Parses an epoch length: an ISO period of weeks and/or days ({@code P1W}, {@code P1D}, {@code P14D}; a day is
     * 24 h since the calendar is UTC) or an ISO duration ({@code PT6H}). Months and years are refused because they
     * are not of fixed length.
     */
    public static Duration parseLength(String text) {
        Objects.requireNonNull(text, "epoch length");
        try {
            Period period = Period.parse(text);
            if (period.getYears() != 0 || period.getMonths() != 0) {
                throw new IllegalArgumentException("epoch length must be in weeks or days, not months/years: " + text);
            }
            return Duration.ofDays(period.getDays());
        } catch (DateTimeParseException notAPeriod) {
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("epoch length is neither an ISO period (P1W, P1D) nor an ISO"
                        + " duration (PT6H): " + text, e);
            }
        }
    }

    /** The epoch whose [start, end) contains {@code instant}. */
    public Epoch epochContaining(Instant instant) {
        Duration since = Duration.between(anchor, instant);
        long seconds = since.getSeconds(); // floor seconds: nanos are always non-negative in Duration
        return epoch(Math.floorDiv(seconds, length.getSeconds()));
    }

    /** The epoch just before {@code epoch}. */
    public Epoch previous(Epoch epoch) {
        return epoch(epoch.index() - 1);
    }

    /** The epoch just after {@code epoch}. */
    public Epoch next(Epoch epoch) {
        return epoch(epoch.index() + 1);
    }

    /** The epoch with index {@code index} (0 starts at the anchor). */
    public Epoch epoch(long index) {
        long lengthSeconds = length.getSeconds();
        Instant start = anchor.plusSeconds(Math.multiplyExact(index, lengthSeconds));
        Instant end = start.plusSeconds(lengthSeconds);
        return new Epoch(index, start, end, key(start));
    }

    /** The epoch length. */
    public Duration length() {
        return length;
    }

    /** Where epoch 0 starts. */
    public Instant anchor() {
        return anchor;
    }

    /**
     * The period that starts exactly at {@code start}: the calendar's epoch when {@code start} is one of its
     * boundaries, otherwise a shortened transition period from {@code start} to the end of the epoch containing it
     * (after a change of epoch length or anchor, so that nothing before {@code start} is settled again).
     */
    public Epoch periodStartingAt(Instant start) {
        Epoch containing = epochContaining(start);
        if (containing.start().equals(start)) {
            return containing;
        }
        return new Epoch(containing.index(), start, containing.end(), start.toString());
    }

    /** Whether {@code epoch} is exactly one of this calendar's epochs (not a transition period). */
    public boolean isEpoch(Epoch epoch) {
        Epoch own = epochContaining(epoch.start());
        return own.start().equals(epoch.start()) && own.end().equals(epoch.end());
    }

    private String key(Instant start) {
        if (isoWeeks) {
            ZonedDateTime s = start.atZone(ZoneOffset.UTC);
            return String.format("%d-W%02d", s.get(IsoFields.WEEK_BASED_YEAR), s.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }
        return start.toString();
    }
}
