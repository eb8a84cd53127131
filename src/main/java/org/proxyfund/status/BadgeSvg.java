package org.proxyfund.status;

import org.proxyfund.web.Bundles;

import java.util.Locale;

/** Draws a status badge: the site's name on grey, the state on its colour; no script, no external reference. */
final class BadgeSvg {

    /** Width of a character in the 11 px sans-serif the badge uses, rounded up (Cyrillic included). */
    private static final int CHAR = 7;
    private static final int PAD = 10;

    private BadgeSvg() {
    }

    static String render(BadgeState state, Locale locale) {
        StatusMessages m = Bundles.of(StatusMessages.class, locale);
        String left = m.badge_name();
        String right = switch (state) {
            case MAINTENANCE -> m.badge_maintenance();
            case UP -> m.badge_up();
            case DOWN -> m.badge_down();
            case STALE -> m.badge_stale();
            case UNKNOWN -> m.badge_unknown();
            case NONE -> m.badge_none();
        };
        int lw = left.length() * CHAR + PAD;
        int rw = right.length() * CHAR + PAD;
        int w = lw + rw;
        String title = escape(left + ": " + right);
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w + "\" height=\"20\" role=\"img\" aria-label=\"" + title + "\">"
                + "<title>" + title + "</title>"
                + "<rect width=\"" + lw + "\" height=\"20\" fill=\"#555\"/>"
                + "<rect x=\"" + lw + "\" width=\"" + rw + "\" height=\"20\" fill=\"" + state.colour + "\"/>"
                + "<g fill=\"#fff\" font-family=\"Verdana,DejaVu Sans,sans-serif\" font-size=\"11\" text-anchor=\"middle\">"
                + "<text x=\"" + lw / 2 + "\" y=\"14\">" + escape(left) + "</text>"
                + "<text x=\"" + (lw + rw / 2) + "\" y=\"14\" class=\"state-" + state.name().toLowerCase(Locale.ROOT) + "\">"
                + escape(right) + "</text></g></svg>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
