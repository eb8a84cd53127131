package org.proxyfund.admin;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The accounting CSV exports for scripts (bearer token); the same files as {@link ExportResource}. */
@Path("/api/v1/admin/exports")
@RolesAllowed("admin")
@Tag(name = "admin")
@SecurityRequirement(name = "apiToken")
public class ExportApiResource {

    @Inject
    ExportResource exports;

    @GET
    @Path("{name}.csv")
    @Produces(ExportResource.CSV)
    @Operation(summary = "CSV for accounting: donations (each payment), payouts (each output and each batch's fee) or ledger"
            + " (each line); sats as integers, BTC as exact decimals; cells that could start a spreadsheet formula are"
            + " prefixed with an apostrophe")
    @APIResponse(responseCode = "200", description = "The CSV file (UTF-8, a header line first)",
            content = @Content(mediaType = ExportResource.CSV, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No export of that name")
    public Response export(@PathParam("name") String name) {
        return exports.file(name);
    }
}
