package org.proxyfund.common.csv;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Writes CSV for spreadsheets and accounting tools (RFC 4180: comma-separated, CRLF line ends, fields with a comma,
 * quote or line break quoted, quotes doubled). Safe to open: a text cell starting with {@code = + - @}, a tab or a
 * carriage return is prefixed with an apostrophe so no spreadsheet runs it as a formula (CSV injection); plain
 * numbers, negative ones included, are left as numbers.
 */
public final class CsvWriter {

    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private final StringBuilder out = new StringBuilder();
    private boolean lineStarted;

    /** A row of cells; {@code null} is an empty cell. */
    public CsvWriter row(Object... cells) {
        for (Object cell : cells) {
            cell(cell);
        }
        return end();
    }

    /** One cell of the current row. */
    public CsvWriter cell(Object value) {
        if (lineStarted) {
            out.append(',');
        }
        lineStarted = true;
        out.append(escape(value == null ? "" : value.toString()));
        return this;
    }

    /** Ends the current row. */
    public CsvWriter end() {
        out.append("\r\n");
        lineStarted = false;
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** Satoshis as BTC with exactly eight decimals ("-0.00150000"): exact, never a float. */
    public static String btc(long sats) {
        return BigDecimal.valueOf(sats, 8).toPlainString();
    }

    /** An instant in ISO-8601 UTC, or empty. */
    public static String time(Instant at) {
        return at == null ? "" : at.toString();
    }

    static String escape(String text) {
        String s = text;
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !NUMBER.matcher(s).matches()) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0
                || (!s.isEmpty() && (s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' '))) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
