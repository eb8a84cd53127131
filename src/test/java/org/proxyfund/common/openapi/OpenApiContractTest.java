package org.proxyfund.common.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.proxyfund.common.testing.TestPorts;
import org.proxyfund.operator.WebClient;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract every API test runs under: answers that break /q/openapi fail the test that received them, shown on a
 * test-only resource that breaks its own document and on real answers held to a document edited to leave them out.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final String PROBE = "/api/v1/test-only/contract-probe";

    private static void assertBroken(String path, String... words) {
        AssertionError e = assertThrows(AssertionError.class, () -> given().get(path));
        for (String w : words) {
            assertTrue(e.getMessage().contains(w), "'" + w + "' in: " + e.getMessage());
        }
    }

    @Test
    void shouldBeInstalledForEveryTest() {
        assertTrue(RestAssured.filters().stream().anyMatch(f -> f instanceof OpenApiContract));
    }

    @Test
    void shouldLetADocumentedAnswerPass() {
        given().get(PROBE + "?answer=ok").then().statusCode(200);
    }

    @Test
    void shouldFailAnUndocumentedStatus() {
        assertBroken(PROBE + "?answer=undocumented-status", "418", "validation.response.status.unknown");
    }

    @Test
    void shouldFailAnUndocumentedField() {
        assertBroken(PROBE + "?answer=undocumented-field", "secret");
    }

    @Test
    void shouldFailAMissingRequiredField() {
        assertBroken(PROBE + "?answer=missing-field", "name");
    }

    @Test
    void shouldFailAnErrorThatIsNotAProblem() {
        assertBroken(PROBE + "?answer=old-error-dialect", "400", "Content-Type");
    }

    @Test
    void shouldFailAnAnswerOnAPathTheDocumentDoesNotList() {
        assertBroken(PROBE + "/undocumented", "does not list");
    }

    @Test
    void shouldFailARequestTheDocumentDoesNotAllow() {
        assertBroken(PROBE + "?answer=ok&unexpected=1", "unexpected");
    }

    @Test
    void shouldFailRealAnswersOnceTheDocumentNoLongerListsThem() throws Exception {
        WebClient c = new WebClient();
        c.signUp("contract-real");
        String token = c.createApiToken();
        Map<String, Object> socks = Map.of("type", "SOCKS5", "host", "127.0.0.1", "port", TestPorts.block(1), "region", "Russia");
        int id = as(token).body(socks).post("/api/v1/endpoints").then().statusCode(201).extract().path("id");
        // The service's own document lists these answers (the global contract checks them here)...
        as(token).body(socks).post("/api/v1/endpoints").then().statusCode(409);
        as(token).get("/api/v1/endpoints/" + id).then().statusCode(200);
        as(token).get("/api/v1/endpoints/999999999").then().statusCode(404);

        // ...and the same document without the 409, without one answer field, without the problem's code refuses them.
        ObjectMapper json = new ObjectMapper();
        ObjectNode doc = (ObjectNode) json.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        ((ObjectNode) doc.at("/paths/~1api~1v1~1endpoints/post/responses")).remove("409");
        forget((ObjectNode) doc.at("/components/schemas/OperatorEndpoint"), "retiredAt");
        forget((ObjectNode) doc.at("/components/schemas/Problem"), "code");
        OpenApiContract edited = OpenApiContract.against(json.writeValueAsString(doc));

        String status = assertThrows(AssertionError.class, () -> as(token).filter(edited).body(socks).post("/api/v1/endpoints")).getMessage();
        assertTrue(status.contains("answered 409") && status.contains("validation.response.status.unknown"), status);
        String field = assertThrows(AssertionError.class, () -> as(token).filter(edited).get("/api/v1/endpoints/" + id)).getMessage();
        assertTrue(field.contains("answered 200") && field.contains("retiredAt"), field);
        String problem = assertThrows(AssertionError.class, () -> as(token).filter(edited).get("/api/v1/endpoints/999999999")).getMessage();
        assertTrue(problem.contains("answered 404") && problem.contains("code"), problem);
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    /** Removes a property from a schema, as if the document had never listed it. */
    private static void forget(ObjectNode schema, String property) {
        ((ObjectNode) schema.get("properties")).remove(property);
        ArrayNode required = (ArrayNode) schema.get("required");
        for (int i = required.size() - 1; i >= 0; i--) {
            if (required.get(i).asText().equals(property)) {
                required.remove(i);
            }
        }
    }
}
