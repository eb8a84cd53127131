package org.proxyfund.audit;

import org.proxyfund.ledger.LedgerQueries;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.proxyfund.common.problem.Problem;
import org.proxyfund.common.validation.FieldError;
import org.proxyfund.web.Pages;

import java.util.List;

/**
 * The ledger journal for admins: every entry with its lines, newest first, a page at a time; reversals name the entry
 * they reverse. As JSON here ({@code /api/v1/admin/ledger/entries}, bearer token) and as the page
 * {@code /admin/ledger/journal} ({@link LedgerAdminResource}, session).
 */
@Path("/api/v1/admin/ledger")
@RolesAllowed("admin")
public class LedgerJournalResource {

    static final int PAGE = 50;

    /** A page of entries; {@code nextBefore} asks for the next (older) page, null at the end. */
    public record Journal(long total, List<LedgerQueries.Entry> entries, @Schema(nullable = true) Long nextBefore) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance journal(Journal journal, LedgerCheck check);
    }

    @Inject
    LedgerQueries queries;
    @Inject
    LedgerCheckService checks;
    @Inject
    Pages pages;

    /** The journal page. */
    TemplateInstance page(Long before) {
        return pages.page(Templates.journal(journal(before, PAGE), checks.last()));
    }

    @GET
    @Path("entries")
    @Produces(MediaType.APPLICATION_JSON)
    @Tag(name = "admin")
    @SecurityRequirement(name = "apiToken")
    @Operation(summary = "The ledger journal, newest first: each entry (kind, reference, the entry it reverses or that"
            + " reversed it) with its lines (debits positive, credits negative, summing to zero); page with before=<nextBefore>")
    @APIResponse(responseCode = "200", description = "One page of the journal",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Journal.class)))
    public Response entries(@QueryParam("before") Long before, @QueryParam("limit") Integer limit) {
        int n = limit == null ? PAGE : limit;
        if (n < 1 || n > 500) {
            return Problem.invalid(List.of(new FieldError("limit", "limit.range", "limit must be 1..500."))).response();
        }
        return Response.ok(journal(before, n)).build();
    }

    private Journal journal(Long before, int limit) {
        List<LedgerQueries.Entry> page = queries.journal(before, limit + 1);
        Long next = page.size() > limit ? page.get(limit - 1).id() : null;
        return new Journal(queries.count(), page.subList(0, Math.min(limit, page.size())), next);
    }
}
