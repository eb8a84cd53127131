package org.proxyfund.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The technical detail of a check result as a message of {@link DetailMessages} and its arguments, so that it can be
 * shown in the reader's language; {@link #english()} is the text logs, the API and the stored detail use.
 *
 * @param key  the name of a {@link DetailMessages} method
 * @param args its arguments in order: each a {@code String} (host:port, a status code, an exception's message) or a
 *             nested {@code Detail} that is rendered in the same language first
 */
public record Detail(String key, List<Object> args) {

    public Detail {
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
        for (Object a : args) {
            if (!(a instanceof String) && !(a instanceof Detail)) {
                throw new IllegalArgumentException("A detail argument is a String or a Detail: " + a);
            }
        }
    }

    /** A detail of message {@code key}; arguments other than a Detail become their text (null becomes ""). */
    public static Detail of(String key, Object... args) {
        List<Object> list = new ArrayList<>(args.length);
        for (Object a : args) {
            list.add(a instanceof Detail d ? d : a == null ? "" : String.valueOf(a));
        }
        return new Detail(key, list);
    }

    /** The English text, from the English messages of {@link DetailMessages}. */
    public String english() {
        return DetailTexts.english(this);
    }
}
