package org.proxyfund.common.openapi;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract every API test runs under: answers that break /q/openapi fail the test that received them. */
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
}
