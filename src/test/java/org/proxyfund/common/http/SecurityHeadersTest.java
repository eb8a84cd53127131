package org.proxyfund.common.http;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proxyfund.common.testing.Management;
import org.proxyfund.operator.WebClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every answer of the site's port carries the security headers and, unless it is a static file, {@code no-store}:
 * every JAX-RS route (read from the compiled classes, checked against the OpenAPI document) as anonymous visitor,
 * operator and admin, with every method, plus static files, Swagger UI, errors and unknown paths.
 */
@QuarkusTest
class SecurityHeadersTest {

    private final List<String> problems = new ArrayList<>();
    private WebClient operator;
    private String operatorToken;
    private WebClient admin;
    private String adminToken;
    private String endpointId;
    private int checked;

    @BeforeEach
    void accounts() {
        operator = new WebClient();
        operator.signUp("headers");
        operatorToken = operator.createApiToken();
        admin = WebClient.admin();
        adminToken = admin.createApiToken();
        Response created = bearer(operatorToken).contentType(ContentType.JSON)
                .body((Object) Map.of("type", "SOCKS5", "host", "127.0.0.1", "port", org.proxyfund.common.testing.TestPorts.block(1), "region", "Russia"))
                .post("/api/v1/endpoints");
        assertEquals(201, created.statusCode(), created.asString());
        endpointId = String.valueOf((Object) created.path("id"));
        expectHeaders("POST /api/v1/endpoints (the answer with the new credential)", created, true);
    }

    /**
     * The only routes whose answers shared caches may keep: the public network status and the badges (the same for
     * everyone, never a secret; docs/status.md). Every other route must say no-store.
     */
    static final Set<String> PUBLIC_CACHEABLE = Set.of("/status", "/api/v1/status", "/badge/{publicId}.svg");

    @Test
    void shouldSendTheHeadersOnEveryRouteForEveryone() throws Exception {
        List<RouteCatalog.Route> routes = RouteCatalog.all();
        assertTrue(routes.size() >= 50, "the catalogue found the resources: " + routes);
        Map<String, String> params = Map.of("id", endpointId, "endpointId", endpointId);
        // The walk sends bodies no operation documents (it must change nothing); answers are still held to /q/openapi.
        try (AutoCloseable onPurpose = org.proxyfund.common.openapi.OpenApiContract.invalidRequestsOnPurpose()) {
            for (RouteCatalog.Route r : routes) {
                String path = r.path(params);
                String what = r.method() + " " + r.template();
                if (r.method().equals("GET")) {
                    boolean noStore = !PUBLIC_CACHEABLE.contains(r.template());
                    Response answer = anonymous().get(path);
                    expectHeaders(what + " anonymous", answer, noStore);
                    if (!noStore && answer.statusCode() == 200 && !String.valueOf(answer.header("Cache-Control")).matches("public, max-age=\\d+")) {
                        problems.add(what + " anonymous -> public answer without public, max-age: " + answer.header("Cache-Control"));
                    }
                    expectHeaders(what + " operator", r.api() ? bearer(operatorToken).get(path) : operator.request().get(path), noStore);
                    expectHeaders(what + " admin", r.api() ? bearer(adminToken).get(path) : admin.request().get(path), noStore);
                    continue;
                }
                expectHeaders(what + " anonymous", anonymous().contentType(ContentType.JSON).body("{}").request(r.method(), path), true);
                if (r.method().equals("DELETE")) {
                    continue; // a signed-in DELETE would act; the anonymous one above is refused
                }
                if (r.api()) {
                    // Not JSON at all: refused before any resource code runs, so the walk changes nothing.
                    expectHeaders(what + " operator", bearer(operatorToken).contentType(ContentType.JSON).body("{").request(r.method(), path), true);
                    expectHeaders(what + " admin", bearer(adminToken).contentType(ContentType.JSON).body("{").request(r.method(), path), true);
                } else {
                    // Without the CSRF token the page refuses the form: nothing changes.
                    expectHeaders(what + " operator", operator.request().contentType(ContentType.URLENC).formParam("x", "y").request(r.method(), path), true);
                    expectHeaders(what + " admin", admin.request().contentType(ContentType.URLENC).formParam("x", "y").request(r.method(), path), true);
                }
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " of " + checked + " answers lack headers:\n" + String.join("\n", problems));
        assertTrue(checked > routes.size() * 2, "answers checked: " + checked);
    }

    @Test
    void shouldCoverEveryPathOfTheOpenApiDocument() throws Exception {
        Map<String, Object> paths = given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        Set<String> documented = new TreeSet<>(paths.keySet());
        assertTrue(documented.size() >= 10, documented.toString());
        Set<String> walked = new TreeSet<>();
        RouteCatalog.all().forEach(r -> walked.add(r.template()));
        documented.removeAll(walked);
        documented.removeIf(p -> p.startsWith("/api/v1/test-only/")); // test resources, not part of the service
        assertTrue(documented.isEmpty(), "documented paths the walk misses: " + documented);
    }

    @Test
    void shouldSendTheHeadersOnStaticFilesErrorsAndUnknownPaths() {
        expectHeaders("stylesheet", anonymous().get("/css/site.css"), false);
        expectHeaders("API document", anonymous().get("/openapi"), false);
        expectHeaders("API document under /q", anonymous().get("/q/openapi"), false);
        expectHeaders("Swagger UI", anonymous().get("/api-docs/"), false);
        expectHeaders("unknown page", anonymous().get("/no-such-page"), true);
        expectHeaders("unknown API path", bearer(operatorToken).get("/api/v1/no-such-thing"), true);
        expectHeaders("wrong method", anonymous().put("/login"), true);
        expectHeaders("form too large", anonymous().contentType(ContentType.URLENC).formParam("handle", "x".repeat(3_000_000)).post("/login"), true);
        expectHeaders("sign-in redirect", anonymous().get("/dashboard"), true);
        expectHeaders("metrics are not on this port", anonymous().get("/q/metrics"), true);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void shouldNeverLetACacheKeepAnAnswerWithASecret() {
        operator.request().get("/endpoints/" + endpointId).then().statusCode(200)
                .header("Cache-Control", "no-store").body(containsString("127.0.0.1"));
        bearer(operatorToken).get("/api/v1/endpoints/" + endpointId).then().statusCode(200)
                .header("Cache-Control", "no-store").body("credential.password", org.hamcrest.Matchers.notNullValue());
        operator.get("/account");
        operator.post("/account/tokens", "name", "shown once").then().statusCode(200)
                .header("Cache-Control", "no-store").body(containsString("new-token"));
    }

    @Test
    void shouldServeHealthAndMetricsOnlyOnTheManagementPort() {
        anonymous().get("/q/metrics").then().statusCode(404);
        anonymous().get("/q/health/ready").then().statusCode(404);
        Management.given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        Management.given().get("/q/health/ready").then().statusCode(200);
    }

    private void expectHeaders(String what, Response r, boolean noStore) {
        checked++;
        String csp = r.header("Content-Security-Policy");
        List<String> missing = new ArrayList<>();
        if (csp == null || !csp.contains("frame-ancestors 'none'") || !csp.contains("default-src 'self'")) {
            missing.add("CSP=" + csp);
        }
        if (!"nosniff".equals(r.header("X-Content-Type-Options"))) {
            missing.add("nosniff");
        }
        if (!"no-referrer".equals(r.header("Referrer-Policy"))) {
            missing.add("Referrer-Policy");
        }
        if (r.header("Permissions-Policy") == null || !"DENY".equals(r.header("X-Frame-Options"))) {
            missing.add("Permissions-Policy/X-Frame-Options");
        }
        if (noStore && !"no-store".equals(r.header("Cache-Control"))) {
            missing.add("Cache-Control=" + r.header("Cache-Control"));
        }
        if (r.header("Strict-Transport-Security") != null) {
            missing.add("HSTS on plain HTTP");
        }
        if (!missing.isEmpty()) {
            problems.add(what + " -> " + r.statusCode() + ": " + missing);
        }
    }

    private static RequestSpecification anonymous() {
        return given().redirects().follow(false).header("X-Forwarded-For", new WebClient().address);
    }

    private static RequestSpecification bearer(String token) {
        return anonymous().header("Authorization", "Bearer " + token);
    }
}
