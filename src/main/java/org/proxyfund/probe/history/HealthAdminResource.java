package org.proxyfund.probe.history;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.proxyfund.web.Pages;

import java.time.Instant;

/** The admin page listing every endpoint's health, sortable by each column and paged on the server. */
@Path("/admin/health")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("admin")
public class HealthAdminResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance table(HealthTable table);
    }

    @Inject
    Pages pages;

    @Inject
    HealthTableRepository table;

    @GET
    @Operation(hidden = true)
    public TemplateInstance show(@QueryParam("sort") String sort, @QueryParam("dir") String dir, @QueryParam("page") String page,
                                 @QueryParam("size") String size) {
        HealthTable t = table.page(HealthSort.parse(sort), "desc".equalsIgnoreCase(dir), HealthTable.number(page, 1),
                HealthTable.number(size, HealthTable.DEFAULT_SIZE), Instant.now());
        return pages.page(Templates.table(t));
    }
}
