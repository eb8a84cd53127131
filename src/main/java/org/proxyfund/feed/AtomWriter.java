package org.proxyfund.feed;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Writes an Atom 1.0 feed document (RFC 4287): feed id, title, updated, author, self link, then the entries. */
final class AtomWriter {

    private AtomWriter() {
    }

    static String write(String feedId, String title, String selfUrl, String siteUrl, String lang, Instant fallbackUpdated,
                        List<FeedEntry> entries) {
        Instant updated = entries.stream().map(FeedEntry::updated).max(Instant::compareTo).orElse(fallbackUpdated);
        StringBuilder b = new StringBuilder(1024 + entries.size() * 512);
        b.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"")
                .append(escape(lang)).append("\">\n")
                .append("  <id>").append(escape(feedId)).append("</id>\n")
                .append("  <title>").append(escape(title)).append("</title>\n")
                .append("  <updated>").append(time(updated)).append("</updated>\n")
                .append("  <author><name>proxyfund</name></author>\n")
                .append("  <link rel=\"self\" type=\"application/atom+xml\" href=\"").append(escape(selfUrl)).append("\"/>\n")
                .append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(escape(siteUrl)).append("\"/>\n");
        for (FeedEntry e : entries) {
            b.append("  <entry>\n")
                    .append("    <id>").append(escape(e.id())).append("</id>\n")
                    .append("    <title>").append(escape(e.title())).append("</title>\n")
                    .append("    <updated>").append(time(e.updated())).append("</updated>\n")
                    .append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(escape(e.link())).append("\"/>\n")
                    .append("    <summary>").append(escape(e.text())).append("</summary>\n")
                    .append("  </entry>\n");
        }
        return b.append("</feed>\n").toString();
    }

    /** RFC 3339 in UTC, to the second. */
    static String time(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Text and attribute values; characters XML 1.0 does not allow at all are dropped. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000) {
                        b.appendCodePoint(c);
                    }
                }
            }
        });
        return b.toString();
    }
}
