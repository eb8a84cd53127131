package org.proxyfund.web;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

@PlainLane
class SupportedLocalesTest {

    @Test
    void shouldPickTheFirstSupportedLanguageByWeight() {
        assertEquals(Locale.forLanguageTag("ru"), SupportedLocales.fromAcceptLanguage("de-DE,ru-RU;q=0.8,en;q=0.5"));
        assertEquals(Locale.forLanguageTag("en"), SupportedLocales.fromAcceptLanguage("en-GB,ru;q=0.9"));
    }

    @Test
    void shouldFallBackToEnglishOnUnknownOrMalformedHeaders() {
        assertEquals(Locale.ENGLISH, SupportedLocales.fromAcceptLanguage("de,fr;q=0.5"));
        assertEquals(Locale.ENGLISH, SupportedLocales.fromAcceptLanguage(";;;q=abc"));
        assertEquals(Locale.ENGLISH, SupportedLocales.fromAcceptLanguage(null));
    }
}
