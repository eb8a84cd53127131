package org.proxyfund.probe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** A {@link Detail} as stored in the {@code *detail_code} jsonb columns: {@code {"key": ..., "args": [text or detail]}}. */
public final class DetailJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DetailJson() {
    }

    /** The JSON of a detail; null stays null. */
    public static String write(Detail detail) {
        return detail == null ? null : node(detail).toString();
    }

    /** The detail a stored JSON names; null (or unreadable JSON, which shows the English text instead) gives null. */
    public static Detail read(String json) {
        if (json == null || json.isBlank()) return null;
        try {
            return detail(JSON.readTree(json));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return null;
        }
    }

    private static ObjectNode node(Detail d) {
        ObjectNode o = JSON.createObjectNode();
        o.put("key", d.key());
        ArrayNode args = o.putArray("args");
        for (Object a : d.args()) {
            if (a instanceof Detail nested) args.add(node(nested));
            else args.add((String) a);
        }
        return o;
    }

    private static Detail detail(JsonNode n) {
        if (!n.isObject() || !n.path("key").isTextual() || !n.path("args").isArray()) {
            throw new IllegalArgumentException("not a stored detail: " + n);
        }
        List<Object> args = new ArrayList<>();
        for (JsonNode a : n.get("args")) {
            args.add(a.isObject() ? detail(a) : a.asText());
        }
        return new Detail(n.get("key").asText(), args);
    }
}
