package org.proxyfund.common.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.proxyfund.common.validation.FieldError;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a refused JSON body into a 400 problem whose field error names the field ({@code port},
 * {@code protocolFields.cipher}) and says what it must be. Never echoes the parser's message, which quotes input.
 */
public final class JsonProblems {

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']{1,100})'");

    private JsonProblems() {
    }

    /** The problem for a body Jackson refused. */
    public static Problem of(JsonProcessingException e) {
        return Problem.invalid(List.of(fieldError(e)));
    }

    static FieldError fieldError(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return new FieldError(join(u.getPath()), "json.field.unknown", "The field '" + u.getPropertyName() + "' is not part of this request.");
        }
        // A parser error inside a field's value arrives wrapped, with the path to that field.
        JsonProcessingException parse = e instanceof JsonMappingException && e.getCause() instanceof JsonProcessingException inner
                && !(inner instanceof JsonMappingException) ? inner : e;
        Matcher dup = DUPLICATE.matcher(String.valueOf(parse.getOriginalMessage()));
        if (dup.find()) {
            String parent = e instanceof JsonMappingException m && !m.getPath().isEmpty() ? join(m.getPath())
                    : parse.getProcessor() instanceof JsonParser p ? contextPath(p.getParsingContext()) : "";
            return new FieldError(parent.isEmpty() ? dup.group(1) : parent + "." + dup.group(1), "json.field.duplicate",
                    "The field '" + dup.group(1) + "' appears more than once.");
        }
        String message = String.valueOf(e.getOriginalMessage());
        if (message.contains("end-of-input") || message.startsWith("Trailing token")) {
            return new FieldError("body", "json.syntax", "The body is not one complete JSON value.");
        }
        if (e instanceof MismatchedInputException m) {
            return new FieldError(join(m.getPath()), "json.field.type", expected(m.getTargetType()));
        }
        if (parse == e && e instanceof JsonMappingException jm) {
            return new FieldError(join(jm.getPath()), "json.field.invalid", "This value cannot be read.");
        }
        return new FieldError("body", "json.syntax", "The body is not valid JSON.");
    }

    /** What a value of the target type looks like, in words a client developer acts on. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "This value has the wrong type.";
        }
        if (type.isEnum()) {
            return "Must be one of: " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", ")) + " (as a string).";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "Must be a whole number (a JSON number without a fraction).";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "Must be a number.";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "Must be true or false.";
        }
        if (type == String.class) {
            return "Must be a string.";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "Must be an array.";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "Must be an object whose values are strings.";
        }
        return "Must be a JSON object.";
    }

    private static String join(List<JsonMappingException.Reference> path) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : path) {
            if (r.getFieldName() != null) {
                b.append(b.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.isEmpty() ? "body" : b.toString();
    }

    private static String contextPath(JsonStreamContext context) {
        Deque<String> names = new ArrayDeque<>();
        for (JsonStreamContext c = context == null ? null : context.getParent(); c != null; c = c.getParent()) {
            if (c.getCurrentName() != null) {
                names.addFirst(c.getCurrentName());
            }
        }
        return String.join(".", names);
    }
}
