package org.proxyfund.common.csv;

import org.proxyfund.common.testing.PlainLane;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** CSV that spreadsheets open safely, read back with an independent parser (Apache Commons CSV). */
@PlainLane
class CsvWriterTest {

    @Test
    void shouldQuoteEscapeAndDefuseFormulasButKeepNumbers() throws Exception {
        List<String> cells = List.of("=1+2", "+cmd", "-x", "@SUM(A1)", "\tTAB", "a,b", "say \"hi\"", "two\r\nlines", " padded ",
                "-5000", "-0.00005000", "12", "plain", "");
        String text = new CsvWriter().row(cells.toArray()).toString();
        CSVRecord back = CSVFormat.RFC4180.parse(new StringReader(text)).getRecords().getFirst();
        List<String> expected = List.of("'=1+2", "'+cmd", "'-x", "'@SUM(A1)", "'\tTAB", "a,b", "say \"hi\"", "two\r\nlines",
                " padded ", "-5000", "-0.00005000", "12", "plain", "");
        assertEquals(expected, back.toList());
        assertEquals("\r\n", text.substring(text.length() - 2), "RFC 4180 line end");
    }

    @Test
    void shouldWriteBtcAsAnExactEightDecimalString() {
        assertEquals("0.00000001", CsvWriter.btc(1));
        assertEquals("-21000000.00000000", CsvWriter.btc(-2_100_000_000_000_000L));
        assertEquals("0.00150000", CsvWriter.btc(150_000));
    }
}
