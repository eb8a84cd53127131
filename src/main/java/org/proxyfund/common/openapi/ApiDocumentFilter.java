package org.proxyfund.common.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.proxyfund.common.problem.HttpProblems;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shapes {@code /q/openapi} to say exactly what the API does, in one place rather than on every method:
 * <ul>
 * <li>only {@code /api/} paths (pages, even those answering JSON under a session cookie, are not the bearer API);</li>
 * <li>the {@code Problem} schema and, on every operation, the error answers it can give ({@link ErrorResponses});</li>
 * <li>strict objects: no property beyond those listed ({@code additionalProperties: false}), as {@code StrictJson}
 * reads requests and as the records write answers;</li>
 * <li>every property of an answer {@code required}: the service writes every field, {@code null} where a field is
 * marked nullable. Request schemas list their required fields themselves.</li>
 * </ul>
 * The test suite validates every API request and answer against this document.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiDocumentFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        for (String path : List.copyOf(api.getPaths().getPathItems().keySet())) {
            if (!HttpProblems.isApi(path)) {
                api.getPaths().removePathItem(path);
            }
        }
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        Components components = api.getComponents();
        ProblemSchemas.addTo(components);
        Set<String> answers = new HashSet<>();
        api.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values().forEach(op -> {
            ErrorResponses.addTo(path, op);
            answerSchemas(op, answers);
        }));
        Map<String, Schema> schemas = components.getSchemas();
        for (String name : closure(answers, schemas)) {
            Schema s = schemas.get(name);
            if (s != null && s.getProperties() != null && !name.equals(ProblemSchemas.PROBLEM)) {
                s.setRequired(List.copyOf(s.getProperties().keySet()));
            }
        }
        schemas.values().forEach(ApiDocumentFilter::closeObject);
        Set<String> used = new HashSet<>(answers);
        api.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
            if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                op.getRequestBody().getContent().getMediaTypes().values().forEach(m -> refs(m.getSchema(), used));
            }
            if (op.getResponses() != null) {
                op.getResponses().getAPIResponses().values().forEach(r -> {
                    if (r.getContent() != null && r.getContent().getMediaTypes() != null) {
                        r.getContent().getMediaTypes().values().forEach(m -> refs(m.getSchema(), used));
                    }
                });
            }
        }));
        Set<String> reachable = closure(used, schemas);
        List.copyOf(schemas.keySet()).stream().filter(n -> !reachable.contains(n)).forEach(components::removeSchema);
    }

    private static void closeObject(Schema s) {
        if (s.getProperties() != null && !s.getProperties().isEmpty()
                && s.getAdditionalPropertiesBoolean() == null && s.getAdditionalPropertiesSchema() == null) {
            s.setAdditionalPropertiesBoolean(false);
        }
        if (s.getProperties() != null) {
            s.getProperties().values().forEach(ApiDocumentFilter::closeObject);
        }
        if (s.getItems() != null) {
            closeObject(s.getItems());
        }
    }

    /**
     * Names of the component schemas the 2xx answers of {@code op} refer to, and the bodies of its callbacks (the
     * webhook events a subscription receives, which the service writes in full like an answer).
     */
    private static void answerSchemas(Operation op, Set<String> into) {
        if (op.getCallbacks() != null) {
            op.getCallbacks().values().forEach(cb -> cb.getPathItems().values().forEach(pi -> pi.getOperations().values()
                    .forEach(c -> {
                        if (c.getRequestBody() != null && c.getRequestBody().getContent() != null) {
                            c.getRequestBody().getContent().getMediaTypes().values().forEach(m -> refs(m.getSchema(), into));
                        }
                    })));
        }
        if (op.getResponses() == null || op.getResponses().getAPIResponses() == null) {
            return;
        }
        op.getResponses().getAPIResponses().forEach((status, r) -> {
            if (status.startsWith("2") && r.getContent() != null && r.getContent().getMediaTypes() != null) {
                r.getContent().getMediaTypes().values().forEach(m -> refs(m.getSchema(), into));
            }
        });
    }

    /** The names reachable from {@code roots} through properties, items and map values. */
    private static Set<String> closure(Set<String> roots, Map<String, Schema> schemas) {
        Set<String> seen = new HashSet<>();
        List<String> todo = new java.util.ArrayList<>(roots);
        while (!todo.isEmpty()) {
            String name = todo.removeLast();
            if (seen.add(name) && schemas.get(name) != null) {
                Set<String> next = new HashSet<>();
                refs(schemas.get(name), next);
                todo.addAll(next);
            }
        }
        return seen;
    }

    private static void refs(Schema s, Set<String> into) {
        if (s == null) {
            return;
        }
        if (s.getRef() != null) {
            into.add(s.getRef().substring(s.getRef().lastIndexOf('/') + 1));
        }
        if (s.getProperties() != null) {
            s.getProperties().values().forEach(p -> refs(p, into));
        }
        refs(s.getItems(), into);
        refs(s.getAdditionalPropertiesSchema(), into);
        if (s.getAllOf() != null) {
            s.getAllOf().forEach(p -> refs(p, into));
        }
        if (s.getAnyOf() != null) {
            s.getAnyOf().forEach(p -> refs(p, into));
        }
        if (s.getOneOf() != null) {
            s.getOneOf().forEach(p -> refs(p, into));
        }
    }
}
