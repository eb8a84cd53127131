package org.proxyfund.probe;

import org.proxyfund.common.testing.PlainLane;
import io.quarkus.qute.i18n.Message;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Check details in English without Qute, stored as JSON and read back; a stale stored key falls back to the text. */
@PlainLane
class DetailTextsTest {

    @Test
    void shouldFillEveryParameterOfEveryEnglishDetail() {
        for (Method m : DetailMessages.class.getDeclaredMethods()) {
            if (!m.isAnnotationPresent(Message.class)) continue;
            Object[] args = new Object[m.getParameterCount()];
            for (int i = 0; i < args.length; i++) args[i] = "arg" + i;
            String text = Detail.of(m.getName(), args).english();
            assertFalse(text.contains("{"), m.getName() + " keeps a placeholder: " + text);
            for (Object a : args) assertFalse(!text.contains((String) a), m.getName() + " drops " + a + ": " + text);
        }
    }

    @Test
    void shouldRenderNestedDetailsAndTheTextsCheckersAlwaysWrote() {
        Detail d = Detail.of("canary_only", Detail.of("target_not_relayed", "149.154.167.51:443", Detail.of("connection_failed", "Connection reset")));
        assertEquals("it relayed our nonce to the canary, but the endpoint did not carry us to Telegram at 149.154.167.51:443"
                + " (connection failed: Connection reset), which the monitor reaches directly", d.english());
        assertEquals("the endpoint answered 403 to CONNECT to 203.0.113.5:8443", Detail.of("http_connect_refused", 403, "203.0.113.5:8443").english());
        assertEquals(d.english(), CheckResult.down(DownReason.CANARY_ONLY, d).detail(), "the stored English text is the message's");
    }

    @Test
    void shouldStoreADetailAsJsonAndReadItBack() {
        Detail d = Detail.of("canary_second_failed", Detail.of("verbatim", "\"quoted\" {x}"), "[::1]:9", Detail.of("timeout_answer", 5000));
        assertEquals(d, DetailJson.read(DetailJson.write(d)));
        assertNull(DetailJson.read("{\"key\": 3}"), "unreadable JSON shows the English text instead");
        assertNull(DetailJson.read(null));
    }

    @Test
    void shouldFallBackToTheStoredTextForAKeyOrArityThatNoLongerExists() {
        assertEquals("stored", DetailTexts.shown(Detail.of("no_such_detail", "x"), Locale.ENGLISH, "stored"));
        assertEquals("stored", DetailTexts.shown(Detail.of("tcp_failed"), Locale.ENGLISH, "stored"));
        assertEquals("stored", DetailTexts.shown(null, Locale.ENGLISH, "stored"));
        assertThrows(IllegalArgumentException.class, () -> Detail.of("tcp_failed").english());
    }
}
