package org.proxyfund.architecture;

import java.util.ArrayList;
import java.util.List;

/**
 * The string literals of a Java source (text blocks included, comments and char literals skipped), with literals
 * joined by {@code +} alone read as one string, so SQL split over several lines is seen whole.
 */
final class JavaStrings {

    private JavaStrings() {
    }

    static List<String> literals(String src) {
        List<String> out = new ArrayList<>();
        StringBuilder current = null;
        int lastEnd = -1;
        int i = 0;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '/' && i + 1 < src.length() && src.charAt(i + 1) == '/') {
                i = skipTo(src, i, "\n");
            } else if (c == '/' && i + 1 < src.length() && src.charAt(i + 1) == '*') {
                i = skipTo(src, i + 2, "*/");
            } else if (c == '\'') {
                i = endOfQuoted(src, i + 1, "'");
            } else if (c == '"') {
                boolean block = src.startsWith("\"\"\"", i);
                int start = i + (block ? 3 : 1);
                int end = endOfQuoted(src, start, block ? "\"\"\"" : "\"");
                String text = src.substring(start, Math.max(start, end - (block ? 3 : 1)));
                if (current != null && src.substring(lastEnd, i).replace('+', ' ').isBlank()) {
                    current.append(text);
                } else {
                    if (current != null) {
                        out.add(current.toString());
                    }
                    current = new StringBuilder(text);
                }
                lastEnd = end;
                i = end;
            } else {
                i++;
            }
        }
        if (current != null) {
            out.add(current.toString());
        }
        return out;
    }

    /** Index just past the closing quote (escapes honoured), or the end of the source. */
    private static int endOfQuoted(String src, int from, String quote) {
        int i = from;
        while (i < src.length()) {
            if (src.charAt(i) == '\\') {
                i += 2;
            } else if (src.startsWith(quote, i)) {
                return i + quote.length();
            } else {
                i++;
            }
        }
        return src.length();
    }

    private static int skipTo(String src, int from, String end) {
        int at = src.indexOf(end, from);
        return at < 0 ? src.length() : at + end.length();
    }
}
