package org.proxyfund.common.openapi;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What /q/openapi says about the API as a whole; the answers themselves are held to it by {@link OpenApiContract}. */
@QuarkusTest
class ApiDocumentTest {

    private static JsonPath document() {
        return JsonPath.from(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldDocumentEveryOperationWithSchemasErrorsAndSecurity() {
        JsonPath doc = document();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        List<String> wrong = new ArrayList<>();
        paths.forEach((path, ops) -> {
            if (!path.startsWith("/api/")) {
                wrong.add(path + ": a page path listed as API");
            }
            ops.forEach((method, op) -> {
                String where = method.toUpperCase() + " " + path;
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) op.get("responses");
                boolean secured = op.get("security") != null;
                if (secured && !(responses.containsKey("401") && responses.containsKey("403"))) {
                    wrong.add(where + ": secured but 401/403 undocumented");
                }
                if (path.contains("{") && !responses.containsKey("404")) {
                    wrong.add(where + ": 404 undocumented");
                }
                responses.forEach((status, r) -> {
                    Map<String, Map<String, Object>> content = (Map<String, Map<String, Object>>) r.get("content");
                    if (status.startsWith("2")) {
                        if (content == null || content.values().stream().anyMatch(m -> m.get("schema") == null
                                || ((Map<String, Object>) m.get("schema")).isEmpty())) {
                            wrong.add(where + " " + status + ": empty answer schema");
                        }
                    } else if (content == null || !content.containsKey("application/problem+json") || content.size() != 1) {
                        wrong.add(where + " " + status + ": error not documented as application/problem+json");
                    }
                });
            });
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void shouldDocumentTheStatusesTheApiAnswers() {
        JsonPath doc = document();
        assertTrue(doc.getMap("paths.'/api/v1/endpoints'.post.responses").containsKey("201"));
        assertTrue(!doc.getMap("paths.'/api/v1/endpoints'.post.responses").containsKey("200"), "registration answers 201, not 200");
        assertTrue(doc.getMap("paths.'/api/v1/endpoints'.post.responses").containsKey("409"));
        assertTrue(doc.getMap("paths.'/api/v1/admin/operators/{id}/state'.post.responses").containsKey("409"));
        assertEquals(List.of("type", "host", "port", "region"), doc.getList("components.schemas.Registration.required"));
        assertTrue(doc.getList("components.schemas.OperatorEndpoint.required").contains("credential"));
        assertEquals(Boolean.FALSE, doc.get("components.schemas.OperatorEndpoint.additionalProperties"));
        // null only where a field says so: a proposed batch has no txid yet, but always an id and a state
        assertNull(doc.<Object>get("components.schemas.OperatorEndpoint.properties.host.nullable"));
        assertNull(doc.<Object>get("components.schemas.PayoutBatchView.properties.proposalKey.nullable"));
        assertEquals(Boolean.TRUE, doc.get("components.schemas.PayoutBatchView.properties.txid.nullable"));
        assertEquals(Boolean.TRUE, doc.get("components.schemas.PayoutBatchView.properties.signedAt.nullable"));
        assertEquals(List.of("type", "title", "status", "detail", "code"), doc.getList("components.schemas.Problem.required"));
        assertEquals("bearer", doc.getString("components.securitySchemes.apiToken.scheme"));
        assertEquals(List.of(Map.of("triggerToken", List.of())), doc.getList("paths.'/api/v1/payouts/trigger'.post.security"));
        assertTrue(doc.<String, Object>getMap("paths").keySet().stream().noneMatch(p -> p.startsWith("/admin") || p.startsWith("/signup")));
    }
}
