package org.proxyfund.probe.history;

import org.proxyfund.endpoint.EndpointListing;

import java.util.Locale;

/**
 * The columns the admin health table can be sorted by, each with its fixed SQL expression: a query parameter only
 * ever picks one of these, so nothing from the request reaches the SQL text. A column endpoint or operator owns is
 * sorted by its value handed in as {@code e.sort_key} (see {@link #key}).
 */
public enum HealthSort {
    OPERATOR("lower(e.sort_key)", -1),
    LABEL("lower(e.sort_key)", -1),
    TYPE("e.sort_key", -1),
    REGION("lower(e.sort_key)", -1),
    STATE("e.sort_key", -1),
    CHECK("s.last_status", -1),
    REASON("s.last_reason", -1),
    UPTIME24("k.ratio", 0),
    UPTIME7("k.ratio", 1),
    UPTIME30("k.ratio", 2),
    CHECKED("s.last_checked_at", -1);

    final String sql;
    /** For uptime columns, which window (0: 24 h, 1: 7 d, 2: 30 d) the ratio {@code k.ratio} is summed over; else -1. */
    final int window;

    HealthSort(String sql, int window) {
        this.sql = sql;
        this.window = window;
    }

    /**
     * The value this column sorts by when endpoint or operator owns it ({@code e.sort_key} in {@link #sql}), else
     * null: probe's own columns are joined in the statement.
     */
    String key(EndpointListing endpoint, String handle) {
        return switch (this) {
            case OPERATOR -> handle;
            case LABEL -> endpoint.name();
            case TYPE -> endpoint.type();
            case REGION -> endpoint.region();
            case STATE -> endpoint.state();
            default -> null;
        };
    }

    boolean byUptime() {
        return window >= 0;
    }

    /** The query parameter value naming this column. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The column named by a query parameter; LABEL for a missing or unknown one. */
    public static HealthSort parse(String key) {
        if (key != null) {
            for (HealthSort s : values()) {
                if (s.key().equals(key.strip().toLowerCase(Locale.ROOT))) {
                    return s;
                }
            }
        }
        return LABEL;
    }
}
