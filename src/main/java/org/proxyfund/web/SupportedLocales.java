package org.proxyfund.web;

import java.util.Locale;
import java.util.Set;

/** The site's languages and how a browser's Accept-Language header maps onto them. */
public final class SupportedLocales {

    public static final Set<String> LANGUAGES = Set.of("en", "ru");
    public static final Locale DEFAULT = Locale.ENGLISH;

    private SupportedLocales() {
    }

    public static boolean isSupported(String lang) {
        return lang != null && LANGUAGES.contains(lang);
    }

    /** Picks the best supported language from an Accept-Language header; English when none fits or it is malformed. */
    public static Locale fromAcceptLanguage(String header) {
        if (header == null || header.isBlank() || header.length() > 500) {
            return DEFAULT;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                String tag = range.getRange();
                String lang = tag.contains("-") ? tag.substring(0, tag.indexOf('-')) : tag;
                if (range.getWeight() > 0 && isSupported(lang)) {
                    return Locale.forLanguageTag(lang);
                }
            }
        } catch (IllegalArgumentException e) {
            return DEFAULT;
        }
        return DEFAULT;
    }
}
