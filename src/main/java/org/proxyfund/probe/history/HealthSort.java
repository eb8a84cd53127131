package org.proxyfund.probe.history;

import java.util.Locale;

/**
 * The columns the admin health table can be sorted by, each with its fixed SQL expression: a query parameter only
 * ever picks one of these, so nothing from the request reaches the SQL text.
 */
public enum HealthSort {
    OPERATOR("lower(a.handle)", false),
    LABEL("lower(coalesce(nullif(e.label, ''), e.type))", false),
    TYPE("e.type", false),
    REGION("lower(e.region)", false),
    STATE("e.state", false),
    CHECK("s.last_status", false),
    REASON("s.last_reason", false),
    UPTIME24("u.up24::numeric / nullif(u.up24 + u.down24, 0)", true),
    UPTIME7("u.up7::numeric / nullif(u.up7 + u.down7, 0)", true),
    UPTIME30("u.up30::numeric / nullif(u.up30 + u.down30, 0)", true),
    CHECKED("s.last_checked_at", false);

    final String sql;
    final boolean byUptime;

    HealthSort(String sql, boolean byUptime) {
        this.sql = sql;
        this.byUptime = byUptime;
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
