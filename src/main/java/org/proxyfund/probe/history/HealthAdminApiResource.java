package org.proxyfund.probe.history;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;

/** The health table of all endpoints as JSON, sorted and paged by PostgreSQL (admins only). */
@Path("/api/v1/admin/health")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "admin")
@SecurityRequirement(name = "apiToken")
public class HealthAdminApiResource {

    @Inject
    HealthTableRepository table;

    @GET
    @Operation(summary = "All endpoints with operator, state, latest check and uptime 24 h / 7 d / 30 d, one page at a time")
    public HealthJson.Table health(
            @Parameter(description = "operator, label, type, region, state, check, reason, uptime24, uptime7, uptime30 or checked (default label)")
            @QueryParam("sort") String sort,
            @Parameter(description = "asc (default) or desc; rows without data come last either way") @QueryParam("dir") String dir,
            @Parameter(description = "1-based page, clamped to the last") @QueryParam("page") String page,
            @Parameter(description = "rows per page, 1 to 200 (default 50)") @QueryParam("size") String size) {
        return HealthJson.Table.of(table.page(HealthSort.parse(sort), "desc".equalsIgnoreCase(dir),
                HealthTable.number(page, 1), HealthTable.number(size, HealthTable.DEFAULT_SIZE), Instant.now()));
    }
}
