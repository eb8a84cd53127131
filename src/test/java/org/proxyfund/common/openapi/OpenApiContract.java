package org.proxyfund.common.openapi;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.restassured.RestAssured;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import org.proxyfund.common.problem.HttpProblems;
import org.proxyfund.common.problem.Problem;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Holds every API request and answer of the test suite to {@code /q/openapi} of the service that answered: an
 * undocumented status, field, media type or error shape fails the test that caused it. Installed for every test
 * by {@link OpenApiContractExtension}. A request to a path the document does not list must be answered with a 404
 * or 405 problem. Tests that send a deliberately wrong request say so with {@link #invalidRequestsOnPurpose()};
 * the answer is still checked.
 */
public final class OpenApiContract implements OrderedFilter {

    /** Message keys of a request the document has no operation for. */
    private static final Set<String> NO_OPERATION = Set.of("validation.request.path.missing", "validation.response.path.missing",
            "validation.request.operation.notAllowed", "validation.response.operation.notAllowed");
    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();
    private static final ThreadLocal<int[]> INVALID_ON_PURPOSE = ThreadLocal.withInitial(() -> new int[1]);

    /** The document of the service that answered, or null: then each answer is held to that service's own document. */
    private final OpenApiInteractionValidator fixed;

    private OpenApiContract(OpenApiInteractionValidator fixed) {
        this.fixed = fixed;
    }

    /**
     * A contract holding answers to {@code document} (OpenAPI JSON) instead of the service's own: for a request's
     * {@code .filter(…)}, to show that an answer the document does not list fails.
     */
    public static OpenApiContract against(String document) {
        return new OpenApiContract(validator(document));
    }

    /** Adds the contract to REST Assured's global filters, once. */
    public static synchronized void install() {
        if (RestAssured.filters().stream().noneMatch(f -> f instanceof OpenApiContract)) {
            RestAssured.filters(new OpenApiContract(null));
        }
    }

    /** Requests sent on this thread until {@code close()} break the document on purpose; their answers are still checked. */
    public static AutoCloseable invalidRequestsOnPurpose() {
        INVALID_ON_PURPOSE.get()[0]++;
        return () -> INVALID_ON_PURPOSE.get()[0]--;
    }

    /** Forgets any {@link #invalidRequestsOnPurpose()} left open on this thread, so no later test is checked less. */
    public static void checkEveryRequest() {
        INVALID_ON_PURPOSE.get()[0] = 0;
    }

    @Override
    public int getOrder() {
        return DEFAULT_PRECEDENCE;
    }

    @Override
    public Response filter(FilterableRequestSpecification spec, FilterableResponseSpecification responseSpec, FilterContext ctx) {
        Response response = ctx.next(spec, responseSpec);
        URI uri = URI.create(spec.getURI());
        if (!HttpProblems.isApi(uri.getPath())) {
            return response;
        }
        OpenApiInteractionValidator validator = fixed != null ? fixed : VALIDATORS.computeIfAbsent(uri.getScheme() + "://" + uri.getAuthority(), OpenApiContract::load);
        Request request = RestAssuredRequest.of(spec);
        com.atlassian.oai.validator.model.Response answer = RestAssuredResponse.of(response);
        ValidationReport report = INVALID_ON_PURPOSE.get()[0] > 0
                ? validator.validateResponse(uri.getPath(), request.getMethod(), answer)
                : validator.validate(request, answer);
        String where = request.getMethod() + " " + uri.getPath() + " answered " + response.statusCode();
        if (report.getMessages().stream().anyMatch(m -> NO_OPERATION.contains(m.getKey()))) {
            requireNoSuchOperationProblem(response, where);
        } else if (report.hasErrors()) {
            throw new AssertionError("OpenAPI contract broken: " + where + "\n" + report.getMessages().stream()
                    .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .map(m -> "  " + m.getKey() + ": " + shorten(m.getMessage())).collect(Collectors.joining("\n"))
                    + "\n  body: " + shorten(response.asString()));
        }
        return response;
    }

    /** A path or method the document does not list may only be refused, with a problem. */
    private static void requireNoSuchOperationProblem(Response response, String where) {
        String type = response.contentType();
        if ((response.statusCode() != 404 && response.statusCode() != 405) || type == null || !type.startsWith(Problem.MEDIA_TYPE)) {
            throw new AssertionError("OpenAPI contract broken: " + where + " on an operation the document does not list;"
                    + " only a 404 or 405 problem may answer there. Body: " + shorten(response.asString()));
        }
        JsonPath body = response.jsonPath();
        if (body.getInt("status") != response.statusCode() || body.getString("code") == null || body.getString("type") == null
                || body.getString("title") == null || body.getString("detail") == null) {
            throw new AssertionError("OpenAPI contract broken: " + where + " with a malformed problem: " + response.asString());
        }
    }

    private static String shorten(String text) {
        return text == null || text.length() <= 600 ? text : text.substring(0, 600) + "… (" + text.length() + " characters)";
    }

    private static OpenApiInteractionValidator validator(String document) {
        return OpenApiInteractionValidator.createForInlineApiSpecification(document)
                // Tests send no or wrong tokens on purpose; the 401 they get is documented and checked.
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request.security", ValidationReport.Level.IGNORE).build())
                .build();
    }

    private static OpenApiInteractionValidator load(String base) {
        try {
            HttpResponse<String> doc = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/q/openapi?format=json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (doc.statusCode() != 200) {
                throw new IllegalStateException("no OpenAPI document at " + base + ": " + doc.statusCode());
            }
            return validator(doc.body());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException("cannot read the OpenAPI document of " + base, e);
        }
    }
}
