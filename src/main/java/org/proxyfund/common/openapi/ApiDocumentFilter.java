package org.proxyfund.common.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.proxyfund.common.problem.HttpProblems;

import java.util.List;

/**
 * Shapes {@code /q/openapi} to say exactly what the API does: only {@code /api/} paths (pages, even those answering
 * JSON under a session cookie, are not the bearer-token API).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiDocumentFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (String path : List.copyOf(openAPI.getPaths().getPathItems().keySet())) {
            if (!HttpProblems.isApi(path)) {
                openAPI.getPaths().removePathItem(path);
            }
        }
    }
}
