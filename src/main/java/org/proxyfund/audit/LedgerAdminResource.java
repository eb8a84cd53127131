package org.proxyfund.audit;

import org.proxyfund.ledger.LedgerService;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** Admins' view of the ledger check and account balances (JSON), and the journal page. */
@Path("/admin/ledger")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class LedgerAdminResource {

    @Inject
    LedgerCheckService checks;
    @Inject
    LedgerService ledger;
    @Inject
    LedgerJournalResource journal;

    /** Latest invariant check and balances per account. */
    @GET
    public Map<String, Object> status() {
        return Map.of("check", checks.last(), "balances", ledger.balances());
    }

    /** The journal page: entries with their lines, newest first, 50 at a time. */
    @GET
    @Path("journal")
    @Produces(MediaType.TEXT_HTML)
    @org.eclipse.microprofile.openapi.annotations.Operation(hidden = true)
    public io.quarkus.qute.TemplateInstance journal(@jakarta.ws.rs.QueryParam("before") Long before) {
        return journal.page(before);
    }

    /** Runs the check now. */
    @POST
    @Path("/check")
    public LedgerCheck check() {
        return checks.run();
    }
}
