package org.proxyfund.probe.history;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server-side SVG: well-formed, 168 hour bars told apart by colour, height and words, escaped, script-free. */
@QuarkusTest
class UptimeGraphTest {

    private static final Instant HOUR = Instant.parse("2026-03-10T15:00:00Z");

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static WeekSeries sample() {
        Map<Instant, HourCounts> rows = new HashMap<>();
        rows.put(HOUR, new HourCounts(HOUR, 60, 0, 0, 0));
        Instant h1 = HOUR.minus(Duration.ofHours(1));
        rows.put(h1, new HourCounts(h1, 0, 60, 0, 0));
        Instant h2 = HOUR.minus(Duration.ofHours(2));
        rows.put(h2, new HourCounts(h2, 30, 30, 0, 0));
        Instant h3 = HOUR.minus(Duration.ofHours(3));
        rows.put(h3, new HourCounts(h3, 0, 0, 60, 0));
        return WeekSeries.of(7, HOUR, rows);
    }

    @Test
    void shouldDrawOneTitledBarPerHourWithADistinctLookPerKind() throws Exception {
        String label = "Tehran <script>alert('x')</script> & \"co\"";
        String svg = UptimeGraph.svg(sample(), label, HealthView.messages(Locale.ENGLISH));
        Document doc = parse(svg);
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
        assertEquals("img", root.getAttribute("role"));
        NodeList rects = root.getElementsByTagNameNS("*", "rect");
        assertEquals(168, rects.getLength());
        Map<String, String> fillByClass = new HashMap<>();
        Map<String, String> heightByClass = new HashMap<>();
        for (int i = 0; i < rects.getLength(); i++) {
            Element r = (Element) rects.item(i);
            String cls = r.getAttribute("class");
            assertEquals(1, r.getElementsByTagNameNS("*", "title").getLength(), "every hour has a title");
            String previous = fillByClass.put(cls, r.getAttribute("fill"));
            assertTrue(previous == null || previous.equals(r.getAttribute("fill")), "one colour per kind");
            heightByClass.put(cls, r.getAttribute("height"));
        }
        assertEquals(5, fillByClass.size());
        assertEquals(5, Map.copyOf(fillByClass).values().stream().distinct().count(), "five distinct colours");
        assertEquals("#1a7f37", fillByClass.get("hour hour-up"));
        assertEquals("#c62828", fillByClass.get("hour hour-down"));
        assertEquals("#d4a72c", fillByClass.get("hour hour-mixed"));
        assertEquals("#8c959f", fillByClass.get("hour hour-unknown_only"));
        assertEquals("#eaeef2", fillByClass.get("hour hour-no_data"));
        assertEquals("20", heightByClass.get("hour hour-mixed"), "a half-up hour is drawn half high");
        assertEquals("4", heightByClass.get("hour hour-no_data"));
        Element last = (Element) rects.item(167);
        assertEquals("2026-03-10 15:00 UTC: all up (60 up, 0 down, 0 unknown), 100.00 %", last.getTextContent());
        Element mixed = (Element) rects.item(165);
        assertEquals("2026-03-10 13:00 UTC: partly down (30 up, 30 down, 0 unknown), 50.00 %", mixed.getTextContent());
        // The title carries the label as text, never as markup.
        Element title = (Element) root.getElementsByTagNameNS("*", "title").item(0);
        assertEquals("Uptime over the last 7 days, hour by hour (UTC): " + label, title.getTextContent());
        assertEquals(0, root.getElementsByTagNameNS("*", "script").getLength());
        assertFalse(svg.contains("<script>"));
        assertFalse(svg.contains("href"), "no external resource");
        String desc = root.getElementsByTagNameNS("*", "desc").item(0).getTextContent();
        assertEquals("Hours all up: 1; down: 1; mixed: 1; only unknown: 1; without data: 164.", desc);
        // Seven day ticks for midnights in 168 hours ending 15:00, each labelled with its date.
        NodeList ticks = root.getElementsByTagNameNS("*", "text");
        assertEquals(7, ticks.getLength());
        assertEquals("03-10", ticks.item(6).getTextContent());
    }

    @Test
    void shouldNameHoursInRussianOnRussianPages() throws Exception {
        String figure = UptimeGraph.figure(sample(), "узел", HealthView.messages(Locale.forLanguageTag("ru")));
        Document doc = parse(figure);
        assertTrue(doc.getDocumentElement().getTextContent().contains("частично не работал"));
        assertTrue(doc.getDocumentElement().getTextContent().contains("нет данных"));
        assertEquals(5, doc.getElementsByTagName("li").getLength(), "a legend names every kind in words");
    }
}
