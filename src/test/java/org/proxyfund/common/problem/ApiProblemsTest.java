package org.proxyfund.common.problem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.proxyfund.common.openapi.OpenApiContract;
import org.proxyfund.common.testing.LogRecorder;
import org.proxyfund.operator.WebClient;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every error of the API is an RFC 9457 problem: framework refusals, unknown paths, oversized bodies and bugs alike. */
@QuarkusTest
class ApiProblemsTest {

    private static ValidatableResponse problem(ValidatableResponse r, int status, String code) {
        return r.statusCode(status).contentType(startsWith(Problem.MEDIA_TYPE))
                .body("status", equalTo(status)).body("code", equalTo(code))
                .body("type", equalTo(Problem.TYPE_BASE + code)).body("title", org.hamcrest.Matchers.notNullValue())
                .body("detail", org.hamcrest.Matchers.notNullValue());
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    @Test
    void shouldAnswerUnknownApiPathsWithAProblemAndPagesWithoutOne() {
        problem(given().accept(ContentType.HTML).get("/api/v1/no-such-thing").then(), 404, "resource.not-found");
        problem(given().get("/api/nothing/here/either").then(), 404, "resource.not-found");
        given().get("/no-such-page").then().statusCode(404).contentType(not(startsWith(Problem.MEDIA_TYPE)));
    }

    @Test
    void shouldAnswerMissingOrWrongTokensWith401Problems() {
        problem(given().get("/api/v1/endpoints").then(), 401, "auth.required").header("WWW-Authenticate", "Bearer");
        problem(given().header("Authorization", "Bearer pf_not-a-token").get("/api/v1/me").then(), 401, "auth.required");
        given().redirects().follow(false).get("/dashboard").then().statusCode(302).header("Location", containsString("/login"));
    }

    @Test
    void shouldAnswerWrongRoleMethodAndMediaTypeWithProblems() throws Exception {
        WebClient c = new WebClient();
        c.signUp("problems");
        String token = c.createApiToken();
        problem(as(token).get("/api/v1/admin/operators").then(), 403, "auth.forbidden");
        problem(as(token).delete("/api/v1/me").then(), 405, "method.not-allowed");
        try (AutoCloseable onPurpose = OpenApiContract.invalidRequestsOnPurpose()) {
            problem(as(token).contentType(ContentType.XML).body("<a/>").post("/api/v1/endpoints").then(), 415, "media.unsupported");
            problem(as(token).accept(ContentType.XML).get("/api/v1/me").then(), 406, "media.not-acceptable");
        }
    }

    @Test
    void shouldRefuseLenientJsonWithAFieldErrorNamingTheField() throws Exception {
        WebClient c = new WebClient();
        c.signUp("strict-json");
        String token = c.createApiToken();
        String[][] cases = {
                {"{\"type\":\"SOCKS5\",\"host\":\"127.0.0.1\",\"port\":47011.5,\"region\":\"Russia\"}", "port", "json.field.type"},
                {"{\"type\":5,\"host\":\"127.0.0.1\",\"port\":47011,\"region\":\"Russia\"}", "type", "json.field.type"},
                {"{\"type\":\"SOCKS5\",\"host\":\"127.0.0.1\",\"port\":\"47011\",\"region\":\"Russia\"}", "port", "json.field.type"},
                {"{\"type\":\"SOCKS5\",\"host\":127,\"port\":47011,\"region\":\"Russia\"}", "host", "json.field.type"},
                {"{\"type\":\"SOCKS5\",\"host\":\"127.0.0.1\",\"port\":47011,\"region\":\"Russia\",\"admin\":true}", "admin", "json.field.unknown"},
                {"{\"type\":\"SOCKS5\",\"host\":\"127.0.0.1\",\"port\":47011,\"port\":47012,\"region\":\"Russia\"}", "port", "json.field.duplicate"},
                {"{\"type\":\"SHADOWSOCKS\",\"host\":\"127.0.0.1\",\"port\":47011,\"region\":\"Russia\",\"protocolFields\":{\"cipher\":\"a\",\"cipher\":\"b\"}}",
                        "protocolFields.cipher", "json.field.duplicate"},
                {"{\"type\":\"SHADOWSOCKS\",\"host\":\"127.0.0.1\",\"port\":47011,\"region\":\"Russia\",\"protocolFields\":{\"cipher\":5}}",
                        "protocolFields.cipher", "json.field.type"},
                {"[1,2]", "body", "json.field.type"},
                {"{\"type\":\"SOCKS5\",", "body", "json.syntax"},
                {"{\"type\":\"SOCKS5\"} {}", "body", "json.syntax"},
        };
        try (AutoCloseable onPurpose = OpenApiContract.invalidRequestsOnPurpose()) {
            for (String[] k : cases) {
                problem(as(token).body(k[0]).post("/api/v1/endpoints").then(), 400, "request.invalid")
                        .body("errors[0].field", equalTo(k[1])).body("errors[0].code", equalTo(k[2]));
            }
        }
        as(token).get("/api/v1/endpoints").then().statusCode(200).body("$", org.hamcrest.Matchers.hasSize(0));
    }

    @Test
    void shouldAnswerABodyOverTheLimitWith413Problem() throws Exception {
        WebClient c = new WebClient();
        c.signUp("big-body");
        String token = c.createApiToken();
        String label = "x".repeat(1_100_000);
        try (AutoCloseable onPurpose = OpenApiContract.invalidRequestsOnPurpose()) {
            problem(as(token).body(Map.of("type", "SOCKS5", "host", "127.0.0.1", "port", 1, "region", "R", "label", label))
                    .post("/api/v1/endpoints").then(), 413, "request.too-large");
        }
    }

    @Test
    void shouldAnswerABugWith500ProblemThatLeaksNothing() {
        try (LogRecorder log = new LogRecorder()) {
            String detail = problem(given().get("/api/v1/test-only/problem-probe").then(), 500, "internal")
                    .body(not(containsString("hunter2"))).body(not(containsString("select")))
                    .body(not(containsString("Exception"))).body("detail", containsString("Reference"))
                    .extract().path("detail");
            String reference = detail.substring(detail.indexOf("Reference: ") + 11, detail.length() - 1);
            assertTrue(log.suspicious().stream().anyMatch(l -> l.contains(reference) && l.contains("IllegalStateException")),
                    "the log has the reference next to the failure");
        }
    }

    @Test
    void shouldAnswerDomainRefusalsWithCodedProblems() throws Exception {
        WebClient c = new WebClient();
        c.signUp("coded");
        String token = c.createApiToken();
        problem(as(token).get("/api/v1/endpoints/999999999").then(), 404, "endpoint.not-found");
        problem(as(token).get("/api/v1/payout-address").then(), 404, "payout.none");
        problem(as(token).body(Map.of("address", "not-an-address")).put("/api/v1/payout-address").then(), 400, "request.invalid")
                .body("errors.field", hasItem("address"));
        try (AutoCloseable onPurpose = OpenApiContract.invalidRequestsOnPurpose()) {
            problem(as(token).body("").post("/api/v1/endpoints").then(), 400, "request.invalid").body("errors[0].field", equalTo("body"));
        }
    }
}
