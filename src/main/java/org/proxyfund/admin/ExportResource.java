package org.proxyfund.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.proxyfund.common.problem.Problem;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * CSV exports for accounting: donations, payouts, ledger, for a signed-in admin's browser ({@code /admin/exports/…},
 * session); the same files for scripts are {@link ExportApiResource}.
 */
@Path("/admin/exports")
@RolesAllowed("admin")
public class ExportResource {

    static final String CSV = "text/csv; charset=UTF-8";

    @Inject
    AccountingExports exports;

    @GET
    @Path("{name}.csv")
    @Produces(CSV)
    @Operation(hidden = true)
    public Response page(@jakarta.ws.rs.PathParam("name") String name) {
        return file(name);
    }

    /** The export called {@code name}, as a download; a problem for an unknown name. */
    Response file(String name) {
        String body = switch (name) {
            case "donations" -> exports.donations();
            case "payouts" -> exports.payouts();
            case "ledger" -> exports.ledger();
            default -> null;
        };
        if (body == null) {
            return Problem.notFound("export.not-found", "There is no export named " + name
                    + "; there are donations, payouts and ledger.").response();
        }
        String file = "proxyfund-" + name + "-" + LocalDate.now(ZoneOffset.UTC) + ".csv";
        return Response.ok(body, CSV).header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }
}
