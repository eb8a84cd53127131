package org.proxyfund.probe.history;

import io.quarkus.qute.RawString;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;

/**
 * Draws the 7-day hourly series as an inline SVG bar chart on the server: one bar per hour, coloured and sized by
 * its kind, with a title per hour, day ticks, a title and description for screen readers, and a legend in words.
 * No script, no external resource; every text put into the markup is escaped here, so the result is trusted.
 */
public final class UptimeGraph {

    /** Fill colour of each kind (the site's palette; also told apart by height and named in the legend). */
    static final Map<HourKind, String> FILL = new EnumMap<>(Map.of(
            HourKind.UP, "#1a7f37", HourKind.DOWN, "#c62828", HourKind.MIXED, "#d4a72c",
            HourKind.UNKNOWN_ONLY, "#8c959f", HourKind.NO_DATA, "#eaeef2"));

    static final int STEP = 5;
    static final int BAR = 4;
    static final int HEIGHT = 40;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd").withZone(ZoneOffset.UTC);

    private UptimeGraph() {
    }

    /** The figure (SVG and legend) for a page; {@code label} is the endpoint's name as the operator typed it. */
    public static RawString render(WeekSeries series, String label, HealthMessages m) {
        return new RawString(figure(series, label, m));
    }

    static String figure(WeekSeries series, String label, HealthMessages m) {
        StringBuilder out = new StringBuilder("<figure class=\"uptime-graph\">");
        out.append(svg(series, label, m)).append("<figcaption><ul class=\"graph-legend\">");
        for (HourKind k : HourKind.values()) {
            out.append("<li><svg width=\"10\" height=\"10\" aria-hidden=\"true\"><rect width=\"10\" height=\"10\" fill=\"")
                    .append(FILL.get(k)).append("\" stroke=\"#57606a\" stroke-width=\"1\"/></svg> ")
                    .append(escape(m.kind(k.name()))).append("</li>");
        }
        return out.append("</ul></figcaption></figure>").toString();
    }

    /** The SVG element alone: 168 hour bars, day ticks and labels. */
    static String svg(WeekSeries series, String label, HealthMessages m) {
        String id = "graph-" + series.endpointId();
        int width = WeekSeries.HOURS * STEP;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"").append(id).append("\" class=\"uptime-svg\" viewBox=\"0 0 ")
                .append(width).append(' ').append(HEIGHT + 18).append("\" width=\"100%\" role=\"img\" aria-labelledby=\"")
                .append(id).append("-title ").append(id).append("-desc\">");
        s.append("<title id=\"").append(id).append("-title\">").append(escape(m.graph_title() + ": " + label)).append("</title>");
        s.append("<desc id=\"").append(id).append("-desc\">").append(escape(m.graph_desc(series.count(HourKind.UP),
                series.count(HourKind.DOWN), series.count(HourKind.MIXED), series.count(HourKind.UNKNOWN_ONLY),
                series.count(HourKind.NO_DATA)))).append("</desc>");
        for (int i = 0; i < WeekSeries.HOURS; i++) {
            HourCounts h = series.hours().get(i);
            HourKind k = h.kind();
            int barHeight = height(h);
            String percent = h.uptime().percent();
            s.append("<rect class=\"hour hour-").append(k.name().toLowerCase(java.util.Locale.ROOT)).append("\" x=\"").append(i * STEP)
                    .append("\" y=\"").append(HEIGHT - barHeight).append("\" width=\"").append(BAR).append("\" height=\"")
                    .append(barHeight).append("\" fill=\"").append(FILL.get(k)).append("\"><title>")
                    .append(escape(HOUR.format(h.hourStart()) + ": " + m.kind(k.name())
                            + (k == HourKind.NO_DATA ? "" : " (" + m.hour_counts(h.up(), h.down(), h.unknown()) + ")")
                            + (percent == null ? "" : ", " + percent)))
                    .append("</title></rect>");
            if (h.hourStart().atZone(ZoneOffset.UTC).getHour() == 0) {
                s.append("<line class=\"day-tick\" x1=\"").append(i * STEP - 0.5).append("\" x2=\"").append(i * STEP - 0.5)
                        .append("\" y1=\"0\" y2=\"").append(HEIGHT + 4).append("\" stroke=\"#57606a\" stroke-width=\"1\"/>")
                        .append("<text class=\"day-label\" x=\"").append(i * STEP + 1).append("\" y=\"").append(HEIGHT + 14)
                        .append("\" font-size=\"10\" fill=\"#1b1f23\">").append(escape(DAY.format(h.hourStart()))).append("</text>");
            }
        }
        s.append("<line x1=\"0\" x2=\"").append(width).append("\" y1=\"").append(HEIGHT + 0.5).append("\" y2=\"")
                .append(HEIGHT + 0.5).append("\" stroke=\"#57606a\" stroke-width=\"1\"/>");
        return s.append("</svg>").toString();
    }

    /** Bar height: full for all-up or down hours, the uptime share for mixed ones, half for unknown, a stub for none. */
    static int height(HourCounts h) {
        return switch (h.kind()) {
            case UP, DOWN -> HEIGHT;
            case MIXED -> Math.max(6, HEIGHT * h.uptime().basisPoints() / 10_000);
            case UNKNOWN_ONLY -> HEIGHT / 2;
            case NO_DATA -> 4;
        };
    }

    /** Escapes text for XML/HTML content and attribute values. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? ' ' : c);
            }
        }
        return b.toString();
    }
}
