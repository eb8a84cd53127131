package org.proxyfund.web;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

import java.util.Locale;

/** Picks a Qute message bundle in a visitor's language, for Java code that renders text outside a template. */
public final class Bundles {

    private Bundles() {
    }

    /**
     * The bundle {@code bundle} in {@code locale}'s language when the site supports it and it is not the default;
     * otherwise the default (English) bundle, whose texts are the {@code @Message} values themselves.
     */
    public static <T> T of(Class<T> bundle, Locale locale) {
        if (isDefault(locale)) {
            return MessageBundles.get(bundle);
        }
        return MessageBundles.get(bundle, Localized.Literal.of(locale.getLanguage()));
    }

    /** Whether {@code locale} gets the default (English) texts: it is the default, unsupported, or null. */
    public static boolean isDefault(Locale locale) {
        String lang = locale == null ? null : locale.getLanguage();
        return !SupportedLocales.isSupported(lang) || SupportedLocales.DEFAULT.getLanguage().equals(lang);
    }
}
