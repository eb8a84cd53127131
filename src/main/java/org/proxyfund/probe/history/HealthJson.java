package org.proxyfund.probe.history;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** The JSON shapes of the uptime APIs (operator and admin), kept apart from the internal records. */
public final class HealthJson {

    private HealthJson() {
    }

    /** Counts of one window; uptime as exact basis points (10000 = 100 %) and as text, both null without data. */
    public record Window(long up, long down, long unknown, @Schema(nullable = true) Integer uptimeBasisPoints,
                         @Schema(nullable = true) String uptime, @Schema(nullable = true) Integer latencyP50Ms,
                         @Schema(nullable = true) Integer latencyP95Ms) {
        static Window of(UptimeWindow w) {
            return new Window(w.up(), w.down(), w.unknown(), w.basisPoints(), w.percent(), w.p50Ms(), w.p95Ms());
        }
    }

    /**
     * The latest check: state UP, DOWN, UNKNOWN, STALE (no result for more than two check intervals: never shown as UP)
     * or NONE (never checked); lastStatus is the latest recorded status; reason when that was DOWN.
     */
    public record Current(String state, @Schema(nullable = true) String lastStatus, boolean stale,
                          @Schema(nullable = true) String reason, @Schema(nullable = true) String detail,
                          @Schema(nullable = true, implementation = String.class, format = "date-time") OffsetDateTime lastCheckedAt,
                          @Schema(nullable = true) Integer latencyMs,
                          @Schema(nullable = true, implementation = String.class, format = "date-time") OffsetDateTime downSince,
                          boolean weakEvidence) {
        static Current of(CurrentCheck c) {
            return new Current(c.state(), c.lastStatus(), c.stale(), c.reason(), c.detail(), c.lastCheckedAt(), c.latencyMs(),
                    c.downSince(), c.weakEvidence());
        }
    }

    /** One clock hour of the 7-day series. */
    public record Hour(Instant hourStart, int up, int down, int unknown, String kind) {
    }

    /** An endpoint's uptime windows and latest check; {@code hours} (168, oldest first) only for a single endpoint. */
    public record EndpointUptimeView(long endpointId, Current current, Window h24, Window d7, Window d30,
                                     @Schema(nullable = true) List<Hour> hours) {
        static EndpointUptimeView of(EndpointUptime u, CurrentCheck c, WeekSeries s) {
            List<Hour> hours = s == null ? null : s.hours().stream()
                    .map(h -> new Hour(h.hourStart(), h.up(), h.down(), h.unknown(), h.kind().name())).toList();
            return new EndpointUptimeView(u.endpointId(), Current.of(c), Window.of(u.h24()), Window.of(u.d7()), Window.of(u.d30()), hours);
        }
    }

    /** One line of the admin table. */
    public record Row(long endpointId, String operator, @Schema(nullable = true) String label, String type, String region, String endpointState,
                      Current current, Window h24, Window d7, Window d30) {
        static Row of(HealthRow r) {
            return new Row(r.endpointId(), r.operator(), r.name(), r.type(), r.region(), r.endpointState(), Current.of(r.current()),
                    Window.of(r.h24()), Window.of(r.d7()), Window.of(r.d30()));
        }
    }

    /** One page of the admin table. */
    public record Table(long total, int page, int pages, int size, String sort, String dir, List<Row> rows) {
        static Table of(HealthTable t) {
            return new Table(t.total(), t.page(), t.pages(), t.size(), t.sort().key(), t.dir(), t.rows().stream().map(Row::of).toList());
        }
    }
}
