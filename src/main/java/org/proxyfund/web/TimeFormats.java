package org.proxyfund.web;

import io.quarkus.qute.TemplateExtension;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * {@code {t.utc}} in templates: a moment as {@code 2026-12-06 20:14:35 UTC}, the same in every page language, instead
 * of Java's ISO text with its {@code T}, microseconds and {@code Z}.
 */
@TemplateExtension
public final class TimeFormats {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private TimeFormats() {
    }

    static String utc(OffsetDateTime t) {
        return UTC.format(t);
    }

    static String utc(Instant t) {
        return UTC.format(t);
    }
}
