package org.proxyfund.probe;

import io.quarkus.qute.i18n.Message;
import org.proxyfund.web.Bundles;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Renders a {@link Detail}: in English straight from the {@code @Message} texts of {@link DetailMessages} (so checkers,
 * logs and tests need no running Qute), in another language through that language's message bundle.
 */
public final class DetailTexts {

    private static final Map<String, Method> METHODS = new ConcurrentHashMap<>();

    private DetailTexts() {
    }

    /** The English text of a detail; an English message holds only plain {@code {parameter}} placeholders. */
    static String english(Detail detail) {
        Method m = method(detail);
        String text = m.getAnnotation(Message.class).value();
        Parameter[] params = m.getParameters();
        for (int i = 0; i < params.length; i++) {
            text = text.replace("{" + params[i].getName() + "}", arg(detail.args().get(i), DetailTexts::english));
        }
        return text;
    }

    /**
     * The text of a detail in {@code locale} (English unless Russian), or {@code fallback} when the detail is null or no
     * longer matches a message (a row written by an older version).
     */
    public static String shown(Detail detail, Locale locale, String fallback) {
        if (detail == null) return fallback;
        try {
            return "ru".equals(locale == null ? null : locale.getLanguage()) ? russian(detail) : english(detail);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    /**
     * As {@link #shown(Detail, Locale, String)}, for the {@code locale} attribute of a template instance (a Locale or a
     * language tag; English when absent).
     */
    public static String shown(Detail detail, Object templateLocale, String fallback) {
        Locale locale = templateLocale instanceof Locale l ? l
                : templateLocale == null ? Locale.ENGLISH : Locale.forLanguageTag(templateLocale.toString());
        return shown(detail, locale, fallback);
    }

    private static String russian(Detail detail) {
        Method m = method(detail);
        DetailMessages ru = Bundles.of(DetailMessages.class, Locale.forLanguageTag("ru"));
        Object[] args = detail.args().stream().map(a -> arg(a, DetailTexts::russian)).toArray();
        try {
            return (String) m.invoke(ru, args);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("rendering detail " + detail.key() + " in Russian failed", e);
        }
    }

    private static String arg(Object a, Function<Detail, String> render) {
        return a instanceof Detail d ? render.apply(d) : (String) a;
    }

    /** The message method of a detail; IllegalArgumentException when there is none with as many parameters as arguments. */
    private static Method method(Detail detail) {
        Method m = METHODS.computeIfAbsent(detail.key(), k -> Arrays.stream(DetailMessages.class.getDeclaredMethods())
                .filter(x -> x.getName().equals(k) && x.isAnnotationPresent(Message.class)).findFirst().orElse(null));
        if (m == null || m.getParameterCount() != detail.args().size()) {
            throw new IllegalArgumentException("No detail message " + detail.key() + " with " + detail.args().size() + " arguments");
        }
        return m;
    }
}
