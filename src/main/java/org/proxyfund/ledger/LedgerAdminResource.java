package org.proxyfund.ledger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** Admins' view of the ledger check and account balances (JSON). */
@Path("/admin/ledger")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class LedgerAdminResource {

    @Inject
    LedgerCheckService checks;
    @Inject
    LedgerService ledger;

    /** Latest invariant check and balances per account. */
    @GET
    public Map<String, Object> status() {
        return Map.of("check", checks.last(), "balances", ledger.balances());
    }

    /** Runs the check now. */
    @POST
    @Path("/check")
    public LedgerCheck check() {
        return checks.run();
    }
}
