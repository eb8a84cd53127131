package org.proxyfund.common.problem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.proxyfund.common.openapi.OpenApiContract;
import org.proxyfund.operator.WebClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Strict JSON on every request body the API takes, listed from /q/openapi so a new operation cannot be forgotten: an
 * unknown field, a field twice and a fraction for an integer are each refused with 400 and a field error naming it.
 * The probe agents' signed calls are the one exception this test can see from outside: their bodies are read only
 * after the signature over them checks out, so an unsigned body, however malformed, is refused with 401 before any
 * field is looked at; after it, the same strict ObjectMapper as everywhere reads them (AgentApiResource).
 */
@QuarkusTest
class StrictJsonEverywhereTest {

    /** Calls whose body an agent signs; the signature is checked before the body is parsed. */
    private static final java.util.Set<String> SIGNED_BY_AGENTS = java.util.Set.of("/api/v1/agent/lease", "/api/v1/agent/results");

    @Test
    @SuppressWarnings("unchecked")
    void shouldRefuseUnknownDuplicateAndFractionalFieldsOnEveryDocumentedBody() throws Exception {
        WebClient c = new WebClient();
        c.signUp("strict-everywhere");
        String operator = c.createApiToken();
        String admin = WebClient.admin().createApiToken();
        JsonPath doc = JsonPath.from(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        Map<String, Map<String, Object>> schemas = doc.getMap("components.schemas");
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        List<String> wrong = new ArrayList<>();
        int bodies = 0;
        int duplicates = 0;
        int fractions = 0;
        try (AutoCloseable onPurpose = OpenApiContract.invalidRequestsOnPurpose()) {
            for (var path : paths.entrySet()) {
                for (var op : path.getValue().entrySet()) {
                    Map<String, Object> body = (Map<String, Object>) op.getValue().get("requestBody");
                    if (body == null) {
                        continue;
                    }
                    bodies++;
                    String method = op.getKey().toUpperCase();
                    String url = path.getKey().replaceAll("\\{[^}]+}", "1");
                    String token = path.getKey().startsWith("/api/v1/admin/") ? admin : operator;
                    String where = method + " " + path.getKey();
                    if (SIGNED_BY_AGENTS.contains(path.getKey())) {
                        Response unsigned = send(token, method, url, "{\"zzUnknown\":1}");
                        if (unsigned.statusCode() != 401 || !unsigned.jsonPath().getString("code").startsWith("agent.signature")) {
                            wrong.add(where + ": an unsigned body must be refused before it is read: " + unsigned.asString());
                        }
                        continue;
                    }
                    expect(wrong, where, send(token, method, url, "{\"zzUnknown\":1}"), "zzUnknown", "json.field.unknown");
                    Map<String, Object> schema = resolve(schemas, ((Map<String, Map<String, Map<String, Object>>>) body.get("content"))
                            .get("application/json").get("schema"));
                    Map<String, Map<String, Object>> props = schema == null ? null : (Map<String, Map<String, Object>>) schema.get("properties");
                    if (props == null) {
                        continue;
                    }
                    for (var p : props.entrySet()) {
                        String value = sample(resolve(schemas, p.getValue()));
                        if (value != null) {
                            String twice = "{\"" + p.getKey() + "\":" + value + ",\"" + p.getKey() + "\":" + value + "}";
                            expect(wrong, where, send(token, method, url, twice), p.getKey(), "json.field.duplicate");
                            duplicates++;
                            break;
                        }
                    }
                    for (var p : props.entrySet()) {
                        if ("integer".equals(resolve(schemas, p.getValue()).get("type"))) {
                            expect(wrong, where, send(token, method, url, "{\"" + p.getKey() + "\":1.5}"), p.getKey(), "json.field.type");
                            fractions++;
                            break;
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(bodies >= 8 && duplicates >= 8 && fractions >= 3, bodies + " bodies, " + duplicates + " duplicates, " + fractions + " fractions");
    }

    private static Response send(String token, String method, String url, String json) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(json).request(method, url);
    }

    private static void expect(List<String> wrong, String where, Response r, String field, String code) {
        boolean ok = r.statusCode() == 400 && r.contentType().startsWith(Problem.MEDIA_TYPE)
                && field.equals(r.jsonPath().getString("errors[0].field")) && code.equals(r.jsonPath().getString("errors[0].code"));
        if (!ok) {
            wrong.add(where + " (" + code + " on " + field + "): " + r.statusCode() + " " + r.asString());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(Map<String, Map<String, Object>> schemas, Map<String, Object> s) {
        Object ref = s == null ? null : s.get("$ref");
        return ref == null ? s : schemas.get(ref.toString().substring(ref.toString().lastIndexOf('/') + 1));
    }

    /** A JSON value that reads as this schema's type, or null for objects and arrays. */
    private static String sample(Map<String, Object> s) {
        if (s == null) {
            return null;
        }
        if (s.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return "\"" + values.get(0) + "\"";
        }
        return switch (String.valueOf(s.get("type"))) {
            case "string" -> "\"x\"";
            case "integer", "number" -> "1";
            case "boolean" -> "true";
            default -> null;
        };
    }
}
