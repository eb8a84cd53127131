package org.proxyfund.web;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Text rendered in Java (problem details, receipts, check details) comes out in the visitor's language. */
@QuarkusTest
class BundlesTest {

    @Test
    void shouldGiveRussianTextsToARussianVisitor() {
        assertEquals("Главная", Bundles.of(AppMessages.class, Locale.forLanguageTag("ru")).nav_home());
        assertEquals("Главная", Bundles.of(AppMessages.class, Locale.forLanguageTag("ru-RU")).nav_home());
    }

    @Test
    void shouldGiveEnglishTextsToEveryOtherVisitor() {
        assertEquals("Home", Bundles.of(AppMessages.class, Locale.ENGLISH).nav_home());
        assertEquals("Home", Bundles.of(AppMessages.class, Locale.GERMAN).nav_home());
        assertEquals("Home", Bundles.of(AppMessages.class, null).nav_home());
    }
}
